import type { ReadableChange } from "@/lib/audit/readable";

/** Changed fields as "Label: before → after" (a field first set shows only its value); `limit` caps the rows shown. */
export function FieldChanges({ changes, limit }: { changes: ReadableChange[]; limit?: number }) {
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {shown.map((c) => (
          <div key={c.field} className="contents">
            <dt className="font-medium">{c.label}</dt>
            <dd className="[overflow-wrap:anywhere]">
              {c.before === "—" ? null : (
                <>
                  <del className="text-red-700 dark:text-red-300">
                    <span className="sr-only">was </span>
                    {c.before}
                  </del>
                  <span aria-hidden> → </span>
                  <span className="sr-only">, now </span>
                </>
              )}
              <ins className="text-emerald-700 no-underline dark:text-emerald-300">{c.after}</ins>
            </dd>
          </div>
        ))}
      </dl>
      {/* Beside the list, not in it: a <dl> holds only name–value groups (axe: definition-list). */}
      {shown.length < changes.length ? (
        <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">and {changes.length - shown.length} more fields</p>
      ) : null}
    </>
  );
}
