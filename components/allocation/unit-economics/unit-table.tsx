import { DataTable } from "@/components/overview/data-table";
import type { UnitEconomicsWorkload } from "@/lib/queries/allocation/unit-economics";
import { UNIT_TABLE_COLUMNS, unitTableRows } from "@/lib/queries/allocation/unit-economics-points";

/** Every workload and month in one table (it scrolls in its own box on a narrow screen). */
export function UnitEconomicsTable({ workloads }: { workloads: UnitEconomicsWorkload[] }) {
  return (
    <section aria-labelledby="unit-table-heading">
      <h2 id="unit-table-heading" className="text-lg font-semibold">
        Every workload and month
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        From each workload&apos;s first month with tokens; the profile estimate is for inference only (it is a serving throughput).
      </p>
      <DataTable
        caption="Cost, tokens and $ per 1M tokens by workload and month"
        columns={[{ header: "Workload" }, ...UNIT_TABLE_COLUMNS]}
        rows={workloads.flatMap((w) =>
          unitTableRows(w).map((row) => [w.name, ...row.slice(0, -1), w.kind === "inference" ? row[row.length - 1]! : "—"]),
        )}
        empty="No tokens reported in these months."
      />
    </section>
  );
}
