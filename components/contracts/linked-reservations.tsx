import Link from "next/link";
import { StatusBadge } from "@/components/registers/status-badge";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import type { ContractDetail } from "@/lib/queries/registers/contract-detail";

export function LinkedReservations({ rows, addHref }: { rows: ContractDetail["reservations"]; addHref?: string }) {
  return (
    <section aria-labelledby="linked-heading" className="mt-8">
      <div className="flex items-center justify-between gap-3">
        <h2 id="linked-heading" className="text-lg font-semibold">
          Reservations under this contract
        </h2>
        {addHref ? (
          <Link href={addHref} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
            Add a reservation
          </Link>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No reservations are linked to this contract.</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Reservations linked to this contract</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
              <tr>
                {["Reservation", "Site", "Type", "Quantity", "Start", "End", "Rate / AH", "Status"].map((h) => (
                  <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Quantity" || h === "Rate / AH" ? "text-right" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <Link href={`/reservations/${r.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                      {r.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{r.siteName}</td>
                  <td className="px-3 py-2">{r.typeName}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.quantity.toLocaleString("en-US")}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDay(r.startAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDay(r.endAt)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatRate(r.rate, r.currency)} <span className="text-xs text-slate-500">{r.pricingModel.replace("_", "-")}</span>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={r.archivedAt ? "archived" : r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
