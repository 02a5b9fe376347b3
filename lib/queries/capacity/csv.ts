import { num, type CsvValue } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import type { CapacityDemandLine, CapacityDemandPoint } from "@/lib/metrics/capacity-demand";
import type { Dec } from "@/lib/metrics/decimal";
import type { CapacityView } from "./index";

export const CAPACITY_TABLES = ["gap", "total", "runway"] as const;
export type CapacityTable = (typeof CAPACITY_TABLES)[number];

// Average units over the month, to 4 decimals (the forecast is an estimate; more digits would be noise).
const fixed = (d: Dec) => num(d.toFixed(4));

const SERIES_HEADER = [
  "month",
  "capacity",
  "forecast_use",
  "planned",
  "demand_median",
  "demand_lower80",
  "demand_upper80",
  "demand_lower95",
  "demand_upper95",
  "gap",
];

function seriesCells(p: CapacityDemandPoint): CsvValue[] {
  return [
    isoDay(p.month.from).slice(0, 7),
    fixed(p.capacity),
    fixed(p.forecast.median),
    fixed(p.planned),
    fixed(p.demand.median),
    fixed(p.demand.lower80),
    fixed(p.demand.upper80),
    fixed(p.demand.lower95),
    fixed(p.demand.upper95),
    fixed(p.gap),
  ];
}

/** The rows of one /capacity table as CSV: generated one at a time as the response stream pulls them. */
export function capacityCsv(view: CapacityView, table: CapacityTable): { header: string[]; rows: Iterable<CsvValue[]> } {
  const csv = capacityTableCsv(view, table);
  if (!view.selection) return csv;
  // Under the team / workload filter every row says whose allocations it counts.
  const label = view.selection.label;
  return {
    header: [...csv.header, "allocated_to"],
    rows: (function* () {
      for (const row of csv.rows) yield [...row, label];
    })(),
  };
}

function capacityTableCsv(view: CapacityView, table: CapacityTable): { header: string[]; rows: Iterable<CsvValue[]> } {
  const scenario = view.model.scenario?.name ?? "baseline";
  if (table === "runway") {
    const line = (name: string, l: CapacityDemandLine): CsvValue[] => [
      name,
      l.runway ? isoDay(l.runway.from).slice(0, 7) : "",
      l.method,
      l.historyMonths,
      scenario,
    ];
    return {
      header: ["family", "runway_month", "forecast_method", "history_months", "scenario"],
      rows: (function* () {
        for (const f of view.byFamily) yield line(f.family, f.line);
        yield line("All families", view.overall);
      })(),
    };
  }
  if (table === "total") {
    return {
      header: [...SERIES_HEADER, "unit", "scenario"],
      rows: (function* () {
        for (const p of view.total.points) yield [...seriesCells(p), view.unit, scenario];
      })(),
    };
  }
  return {
    header: [view.by, ...SERIES_HEADER, "unit", "scenario"],
    rows: (function* () {
      for (const g of view.groups) for (const p of g.points) yield [g.label, ...seriesCells(p), view.unit, scenario];
    })(),
  };
}
