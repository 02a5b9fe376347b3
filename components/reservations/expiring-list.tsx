import Link from "next/link";
import { formatDay } from "@/lib/format/date";
import type { ReservationListRow } from "@/lib/queries/reservations";

const DAY_MS = 86_400_000;

/** The soonest shown unless all are asked for: a large fleet has hundreds of blocks ending within 90 days. */
export const EXPIRING_SHOWN = 25;

/** Blocks whose term ends within the next 90 days, soonest first (the first EXPIRING_SHOWN unless `allHref` is null). */
export function ExpiringList({ rows, asOf, allHref }: { rows: ReservationListRow[]; asOf: Date; allHref: string | null }) {
  const shown = allHref && rows.length > EXPIRING_SHOWN ? rows.slice(0, EXPIRING_SHOWN) : rows;
  return (
    <section aria-labelledby="expiring-heading" className="mt-8">
      <h2 id="expiring-heading" className="text-lg font-semibold">
        Expiring in the next 90 days
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No block ends in the next 90 days.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm" data-testid="expiring">
            <caption className="sr-only">Reservations expiring in the next 90 days</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Reservation
                </th>
                <th scope="col" className="px-3 py-2">
                  Provider
                </th>
                <th scope="col" className="px-3 py-2">
                  Site
                </th>
                <th scope="col" className="px-3 py-2">
                  Type
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Quantity
                </th>
                <th scope="col" className="px-3 py-2">
                  Ends
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Days left
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800 [&_td]:px-3 [&_td]:py-2">
              {shown.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/reservations/${r.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                      {r.name}
                    </Link>
                  </td>
                  <td>{r.providerName}</td>
                  <td>{r.siteName}</td>
                  <td>{r.typeName}</td>
                  <td className="text-right tabular-nums">{r.quantity.toLocaleString("en-US")}</td>
                  <td className="whitespace-nowrap">{formatDay(r.endAt)}</td>
                  <td className="text-right tabular-nums">{Math.ceil((r.endAt.getTime() - asOf.getTime()) / DAY_MS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < rows.length ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The {shown.length} ending soonest of {rows.length.toLocaleString("en-US")}.{" "}
          <Link href={allHref!} className="text-brand-700 underline dark:text-brand-300">
            Show all {rows.length.toLocaleString("en-US")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
