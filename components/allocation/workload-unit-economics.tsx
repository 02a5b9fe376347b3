import Link from "next/link";
import { DataTable } from "@/components/overview/data-table";
import type { UnitEconomicsWorkload } from "@/lib/queries/allocation/unit-economics";
import { UNIT_TABLE_COLUMNS, unitTableRows } from "@/lib/queries/allocation/unit-economics-points";

/** A workload's $ per 1M tokens over the last 12 complete months (inference and training workloads only). */
export function WorkloadUnitEconomics({ workload: w }: { workload: UnitEconomicsWorkload | null }) {
  if (!w) return null;
  const inference = w.kind === "inference";
  return (
    <section aria-labelledby="unit-economics-heading" className="mt-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="unit-economics-heading" className="text-lg font-semibold">
          $ per 1M {inference ? "tokens" : "training tokens"}
        </h2>
        <Link href="/allocation/unit-economics" className="text-sm text-brand-700 underline dark:text-brand-300">
          Unit economics
        </Link>
      </div>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Its own cost in the month (showback: used and idle cost of its allocations and the charges a rule gives it, not its team&apos;s
        share of the free pool) ÷ Σ daily {w.metric} × 10⁶, the last 12 complete months.
        {w.costUpTokensDown ? " Last month its cost per day held or rose while its tokens per day fell." : ""}
      </p>
      <DataTable
        empty={`No ${w.metric} reported in these months.`}
        caption={`${w.name}: cost, tokens and $ per 1M tokens by month`}
        columns={inference ? UNIT_TABLE_COLUMNS : UNIT_TABLE_COLUMNS.slice(0, -1)}
        rows={unitTableRows(w).map((r) => (inference ? r : r.slice(0, -1)))}
      />
    </section>
  );
}
