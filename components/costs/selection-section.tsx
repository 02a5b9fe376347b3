import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { DataTable } from "@/components/overview/data-table";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { SelectionCost } from "@/lib/metrics/selection-cost";
import type { SelectionCosts } from "@/lib/queries/costs/selection";
import { money } from "./format";

// The parts of a selection's cost, stacked in this order; shared last, its own colour (never inside a team's number).
const PARTS = [
  { key: "usedCost", name: "Used", color: "#2563eb" },
  { key: "idleCost", name: "Idle", color: "#f59e0b" },
  { key: "unmeasuredCost", name: "Allocated, no use reported", color: "#94a3b8" },
  { key: "directCost", name: "Direct charges", color: "#7c3aed" },
  { key: "shared", name: "Shared", color: "#14b8a6" },
] as const satisfies readonly { key: keyof SelectionCost; name: string; color: string }[];

/** /costs under the team / workload filter: the selection's showback cost per month, own cost by part and shared apart. */
export function SelectionCostSection({
  costs,
  perWorkload,
  exportHref,
}: {
  costs: SelectionCosts;
  /** A workload is chosen: the shared pool is distributed per team, so it has no shared cost of its own. */
  perWorkload: boolean;
  exportHref: string | null;
}) {
  const parts = perWorkload ? PARTS.filter((p) => p.key !== "shared") : PARTS;
  const data = costs.months.map((m) => ({
    label: formatMonthShort(m.month.from),
    title: formatMonth(m.month.from),
    values: Object.fromEntries(parts.map((p) => [p.key, m.cost[p.key].toNumber()])),
  }));
  // Parts that are zero every month (no direct charges, every allocated hour measured) are left out of the table.
  const optional = (["unmeasuredCost", "directCost"] as const).filter((k) => !costs.total[k].isZero());
  const headers: Record<(typeof optional)[number], string> = { unmeasuredCost: "No use reported", directCost: "Direct charges" };
  const row = (c: SelectionCost) => [
    money(c.usedCost),
    money(c.idleCost),
    ...optional.map((k) => money(c[k])),
    money(c.own),
    perWorkload ? "—" : money(c.shared),
    money(c.total),
  ];
  return (
    <section aria-labelledby="showback" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="showback" className="text-lg font-semibold">
          Showback by month
        </h2>
        {exportHref ? (
          <a href={exportHref} className="text-sm text-brand-700 underline dark:text-brand-300" download>
            Export showback CSV
          </a>
        ) : null}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <p className="mb-2 text-xs font-medium text-slate-600 dark:text-slate-400">
          Cost of {costs.selection.label} per month, US dollars: {perWorkload ? "own cost" : "own cost and shared cost"}
        </p>
        <StackedBarChart
          data={data}
          series={parts.map((p) => ({ key: p.key, name: p.name, color: p.color }))}
          unit="usd"
          label={`Showback cost of ${costs.selection.label} per month in US dollars, by part`}
          height={240}
        />
        <DataTable
          caption={`Showback cost of ${costs.selection.label} per month`}
          columns={[
            { header: "Month" },
            { header: "Used", numeric: true },
            { header: "Idle", numeric: true },
            ...optional.map((k) => ({ header: headers[k], numeric: true })),
            { header: "Own cost", numeric: true },
            { header: "Shared", numeric: true },
            { header: "Total", numeric: true },
          ]}
          rows={costs.months.map((m) => [
            <span key="m" className="whitespace-nowrap">
              {formatMonthShort(m.month.from)}
            </span>,
            ...row(m.cost),
          ])}
          total={["Total", ...row(costs.total)]}
          empty="No months in this range."
        />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          The numbers of Allocation&apos;s showback: each block&apos;s cost in a month (actual where billed, planned otherwise) split by its
          allocations&apos; accelerator-hours into used and idle cost (used hours shared pro rata when the feed does not say who used them);
          direct charges are those an allocation rule gives to a workload.{" "}
          {perWorkload
            ? "Shared cost (the free pools) is distributed per team: choose the team to see it."
            : "Shared = the free pools' cost given to this team and the teams under it by the pool rule, shown apart from its own cost."}
        </p>
      </div>
    </section>
  );
}
