import type { HistoryEntry } from "@/lib/queries/lists/history";
import { FieldChanges } from "./field-changes";

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who changed what and when on one record: before → after, field by field. */
export function EntityHistory({ entries, title = "History" }: { entries: HistoryEntry[]; title?: string }) {
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No recorded changes.</p>
      ) : (
        <ol className="mt-3 space-y-3" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
              <p className="text-slate-600 dark:text-slate-400">
                <time dateTime={e.at.toISOString()}>{utc.format(e.at)} UTC</time> ·{" "}
                <span className="font-medium text-slate-900 dark:text-slate-100">{e.actor}</span> ·{" "}
                <span className="font-mono text-xs">{e.action}</span>
              </p>
              {e.changes.length ? (
                <div className="mt-2">
                  <FieldChanges changes={e.changes} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
