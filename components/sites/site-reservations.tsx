import Link from "next/link";
import { StatusBadge } from "@/components/registers/status-badge";
import { formatDay } from "@/lib/format/date";
import { formatDecimal, formatMw } from "@/lib/format/number";
import { facilityMw, itMw } from "@/lib/metrics/power";

type Row = {
  id: string;
  name: string;
  providerName: string;
  typeName: string;
  systemW: number;
  quantity: number;
  startAt: Date;
  endAt: Date;
  status: string;
  archivedAt: Date | null;
};

/** The capacity blocks at a site, each with the facility MW it draws while in place. */
export function SiteReservations({ siteId, rows, pue, limit }: { siteId: string; rows: Row[]; pue: string; limit: number }) {
  return (
    <section aria-labelledby="site-reservations-heading" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="site-reservations-heading" className="text-lg font-semibold">
          Reservations at this site
        </h2>
        <Link href={`/reservations?site=${siteId}`} className="text-sm underline">
          {rows.length >= limit ? `Showing the first ${limit} by start; all of them in Reservations` : "Open in Reservations"}
        </Link>
      </div>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Reservations at this site</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Block
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Provider
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Type
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Accelerators
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Start
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                End
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Facility MW
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-6 text-center text-slate-600 dark:text-slate-400">
                  No reservations at this site.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  <Link href={`/reservations/${r.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {r.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{r.providerName}</td>
                <td className="px-3 py-2">{r.typeName}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(r.quantity, 0)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDay(r.startAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDay(r.endAt)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatMw(facilityMw(itMw([r], r.startAt), pue).toNumber())}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={r.archivedAt ? "archived" : r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
