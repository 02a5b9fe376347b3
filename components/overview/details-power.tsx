import { formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMw } from "@/lib/format/number";
import type { PowerSection, RunwaySection } from "@/lib/queries/overview";
import { periodLabel } from "@/lib/queries/overview/points";
import { DataTable } from "./data-table";
import { MethodSection } from "./method-section";

export function PowerDetails({ power }: { power: PowerSection }) {
  return (
    <MethodSection
      id="power-headroom"
      title="Power headroom"
      definition={`Headroom = contracted MW − facility MW, where facility MW = Σ accelerators × system W ÷ 10⁶ × the site's PUE over the blocks in place and not marked expired (planned ones included: they will draw power). Each month takes its tightest moment, ${periodLabel(power.range)} from now on; below zero is over budget. Sites without a power budget are left out. The same function as the Power page.`}
    >
      <DataTable
        caption="Tightest month per site over the next 12 months"
        columns={[
          { header: "Site" },
          { header: "PUE", numeric: true },
          { header: "Tightest month", numeric: true },
          { header: "Budget", numeric: true },
          { header: "Facility load", numeric: true },
          { header: "Headroom", numeric: true },
          { header: "Months over budget", numeric: true },
        ]}
        rows={power.page.sites.map((s) => [
          s.siteName,
          formatDecimal(s.pue.toNumber(), 2),
          s.tightest ? formatMonth(s.tightest.month.from) : "—",
          s.tightest ? formatMw(s.tightest.budgetMw.toNumber()) : "—",
          s.tightest ? formatMw(s.tightest.facilityMw.toNumber()) : "—",
          s.tightest ? formatMw(s.tightest.headroomMw.toNumber()) : "—",
          s.overBudgetMonths,
        ])}
        empty="No site has a power budget."
      />
    </MethodSection>
  );
}

export function RunwayDetails({ runway }: { runway: RunwaySection }) {
  const h100e = (v: { toNumber(): number }) => formatDecimal(v.toNumber(), 0);
  const row = (name: string, line: RunwaySection["overall"]) => [
    name,
    h100e(line.points[0]!.capacity),
    h100e(line.points[0]!.demand.median),
    line.runway ? formatMonth(line.runway.from) : `Beyond ${formatMonth(runway.months[runway.months.length - 1]!.from)}`,
  ];
  return (
    <MethodSection
      id="runway"
      title="Runway"
      definition={`The first month in which median demand exceeds capacity, in H100-equivalents, per family and all families together, over the 24 months from ${formatMonth(runway.months[0]!.from)}. Capacity: the average H100e in service over the month (every block, delivery dates applied). Demand: the forecast of the average H100e in use (damped Holt, Holt-Winters with 24 months of history, from the monthly utilization rollups) plus the demand plans that start this month or later, times the scenario's demand growth. The same function as the Capacity page, which shows the bands and what drives each runway.`}
    >
      <DataTable
        caption="Capacity, median demand and runway by family"
        columns={[
          { header: "Family" },
          { header: "Capacity this month (H100e)", numeric: true },
          { header: "Median demand this month (H100e)", numeric: true },
          { header: "Runway", numeric: true },
        ]}
        rows={runway.byFamily.map((f) => row(f.family, f.line))}
        total={row("All families", runway.overall)}
        empty="No capacity or demand yet."
      />
    </MethodSection>
  );
}
