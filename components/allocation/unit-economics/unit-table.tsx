import { DataTable } from "@/components/overview/data-table";
import type { UnitEconomicsWorkload } from "@/lib/queries/allocation/unit-economics";
import { UNIT_TABLE_COLUMNS, unitTableRow } from "@/lib/queries/allocation/unit-economics-points";

/** Every workload and month in one table (it scrolls in its own box on a narrow screen). */
export function UnitEconomicsTable({ workloads }: { workloads: UnitEconomicsWorkload[] }) {
  return (
    <section aria-labelledby="unit-table-heading">
      <h2 id="unit-table-heading" className="text-lg font-semibold">
        Every workload and month
      </h2>
      <DataTable
        caption="Cost, tokens and $ per 1M tokens by workload and month"
        columns={[{ header: "Workload" }, { header: "Metric" }, ...UNIT_TABLE_COLUMNS]}
        rows={workloads.flatMap((w) =>
          w.months.map((m) => {
            const row = unitTableRow(m);
            return [w.name, w.metric, ...row.slice(0, -1), w.kind === "inference" ? row[row.length - 1] : "—"];
          }),
        )}
      />
    </section>
  );
}
