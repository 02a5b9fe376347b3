import { formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMw } from "@/lib/format/number";
import type { Dec } from "@/lib/metrics/decimal";
import { hoursIn } from "@/lib/metrics/period";
import type { PowerSection, RunwaySection } from "@/lib/queries/overview";
import { DataTable } from "./data-table";
import { MethodSection } from "./method-section";

export function PowerDetails({ power }: { power: PowerSection }) {
  return (
    <MethodSection
      id="power-headroom"
      title="Power headroom"
      definition="Headroom = contracted MW − facility MW, where facility MW = Σ accelerators × system W ÷ 10⁶ × the site's PUE over reservations in place (planned ones included). Each month takes the lowest headroom reached in it, over the next 12 months; below zero is over budget. Sites without a power budget are left out."
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
        rows={power.sites.map((s) => [
          s.siteName,
          formatDecimal(s.pue.toNumber(), 2),
          formatMonth(s.tightest.month.from),
          formatMw(s.tightest.budgetMw.toNumber()),
          formatMw(s.tightest.facilityMw.toNumber()),
          formatMw(s.tightest.headroomMw.toNumber()),
          s.overBudgetMonths,
        ])}
        empty="No site has a power budget."
      />
    </MethodSection>
  );
}

export function RunwayDetails({ runway }: { runway: RunwaySection }) {
  const average = (v: Dec, i: number) => formatDecimal(v.div(hoursIn(runway.months[i]!)).toNumber(), 0);
  const row = (name: string, line: RunwaySection["overall"]) => [
    name,
    average(line.series[0]!.capacity, 0),
    average(line.series[0]!.demand, 0),
    line.runway ? formatMonth(line.runway.from) : `Beyond ${formatMonth(runway.months[runway.months.length - 1]!.from)}`,
  ];
  return (
    <MethodSection
      id="runway"
      title="Runway"
      definition={`The first month in which demand exceeds capacity, both in H100-equivalents. Capacity: reservations not marked expired. Demand: the average H100e in use over the three whole months before ${formatMonth(runway.months[0]!.from)} (monthly rollups) held flat, plus baseline demand plans starting this month or later (plans already running show in observed use). A first version; the forecast with trend and bands replaces the flat line.`}
    >
      <DataTable
        caption="Capacity, demand and runway by family"
        columns={[
          { header: "Family" },
          { header: "Capacity this month (H100e)", numeric: true },
          { header: "Demand this month (H100e)", numeric: true },
          { header: "Runway", numeric: true },
        ]}
        rows={runway.byFamily.map((f) => row(f.family, f))}
        total={row("All families", runway.overall)}
        empty="No capacity or demand yet."
      />
    </MethodSection>
  );
}
