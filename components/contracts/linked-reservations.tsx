import Link from "next/link";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import type { ContractDetail } from "@/lib/queries/contracts/detail";
import { LinkedReservationsTable, type LinkedReservationRow } from "./linked-reservations-table";

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
          <LinkedReservationsTable
            rows={rows.map((r): LinkedReservationRow => [
              r.id,
              r.name,
              r.siteName,
              r.typeName,
              r.quantity.toLocaleString("en-US"),
              formatDay(r.startAt),
              formatDay(r.endAt),
              formatRate(r.rate, r.currency),
              r.pricingModel.replace("_", "-"),
              r.archivedAt ? "archived" : r.status,
            ])}
          />
        </div>
      )}
    </section>
  );
}
