import Link from "next/link";
import { StatusBadge } from "@/components/registers/status-badge";
import { formatBytes } from "@/components/settings/connector-format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDayTimeUtc } from "@/lib/format/date";
import type { ConnectorObjectRow } from "@/lib/queries/settings/connectors";

const TH = "px-3 py-2 text-left font-medium whitespace-nowrap";
const TD = "px-3 py-2 align-top";

/** The objects a connector met, newest first, with the outcome and the importer's errors. */
export function ObjectsTable({ objects }: { objects: ConnectorObjectRow[] }) {
  return (
    <section aria-labelledby="objects-heading" className="mt-6">
      <h2 id="objects-heading" className="text-lg font-semibold">
        Recent objects
      </h2>
      {objects.length === 0 ? (
        <p className="mt-2 text-sm">No object imported yet.</p>
      ) : (
        <ScrollRegion
          label="Recent objects"
          className="mt-2 rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        >
          <table className="w-full text-sm" data-testid="connector-objects">
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                <th className={TH}>Key</th>
                <th className={TH}>Size</th>
                <th className={TH}>When</th>
                <th className={TH}>Outcome</th>
                <th className={TH}>Import</th>
              </tr>
            </thead>
            <tbody>
              {objects.map((o) => (
                <tr key={o.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className={`${TD} min-w-56 break-all`}>
                    {o.key}
                    <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">ETag {o.etag}</span>
                    {o.files ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">manifest of {o.files.length} files</span>
                    ) : null}
                    {(o.errors ?? []).slice(0, 5).map((e, i) => (
                      <span key={i} className="block text-xs text-red-700 dark:text-red-400">
                        {e.line ? `Line ${e.line}${e.column ? `, ${e.column}` : ""}: ` : ""}
                        {e.message}
                      </span>
                    ))}
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>{formatBytes(o.size)}</td>
                  <td className={`${TD} whitespace-nowrap`}>{formatDayTimeUtc(o.startedAt)}</td>
                  <td className={TD}>
                    <StatusBadge status={o.outcome} />
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>
                    {o.importId ? (
                      <Link href={`/imports/${o.importId}`} className="underline">
                        #{o.importId}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
