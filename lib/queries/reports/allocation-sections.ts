import { money, num } from "@/lib/csv/write";
import { isoDay, startOfUtcMonth } from "@/lib/metrics/calendar";
import { CHARGEBACK_HEADER, chargebackRows } from "@/lib/queries/allocation/chargeback";
import { getShowbackView, parseShowbackRange } from "@/lib/queries/allocation/showback-view";
import { getSurplus, nextQuarterOf } from "@/lib/queries/allocation/surplus";
import { getUnitEconomics } from "@/lib/queries/allocation/unit-economics";
import { parseUnitEconomicsRange } from "@/lib/queries/allocation/unit-economics-params";
import type { Ctx } from "@/lib/auth/context";
import { scopeFilters, type ReportScope } from "./scope";
import type { CsvTable } from "./answer-tables";

// The allocation sections of a report (showback, unit economics, surplus and resale): each read with its page's own
// range rule — the report's months when it names them (from/to), else the page's default — so a report shows the
// numbers its page shows for the same months. Rendered and downloaded from the same loaders.

/** The report's months as a page's raw URL parameters: only when the report names them explicitly. */
function monthsOf(scope: ReportScope): { from?: string; to?: string } {
  return scope.filters.from && scope.filters.to ? { from: scope.filters.from, to: scope.filters.to } : {};
}

export function loadReportShowback(ctx: Ctx, scope: ReportScope, asOf: Date) {
  return getShowbackView(ctx, parseShowbackRange(monthsOf(scope), asOf), asOf);
}

export function loadReportUnitEconomics(ctx: Ctx, scope: ReportScope, asOf: Date) {
  const range = parseUnitEconomicsRange(monthsOf(scope), asOf);
  return getUnitEconomics(ctx, { from: range.from, to: range.to, asOf });
}

/** /allocation/surplus: the report's months when named, else this month to the end of next quarter; its family filter. */
export function loadReportSurplus(ctx: Ctx, scope: ReportScope, asOf: Date) {
  const named = monthsOf(scope).from !== undefined;
  const filters = scopeFilters(scope, asOf);
  const from = named ? filters.from : startOfUtcMonth(asOf);
  const to = named ? filters.to : nextQuarterOf(asOf).to;
  return getSurplus(ctx, { from, to, family: filters.family, asOf });
}

export async function showbackTable(ctx: Ctx, scope: ReportScope, asOf: Date): Promise<CsvTable> {
  const view = await loadReportShowback(ctx, scope, asOf);
  return { fileName: `chargeback-${isoDay(asOf)}.csv`, header: CHARGEBACK_HEADER, rows: chargebackRows(view) };
}

const UNIT_HEADER = [
  "workload",
  "kind",
  "metric",
  "month",
  "cost_usd",
  "tokens",
  "days_reported",
  "days_in_month",
  "usd_per_1m_tokens",
] as const;

export async function unitEconomicsTable(ctx: Ctx, scope: ReportScope, asOf: Date): Promise<CsvTable> {
  const view = await loadReportUnitEconomics(ctx, scope, asOf);
  const rows = view.workloads.flatMap((w) =>
    w.months.map((m) => [
      w.name,
      w.kind,
      w.metric,
      isoDay(m.month).slice(0, 7),
      money(m.cost),
      num(m.tokens?.toFixed() ?? null),
      m.daysReported,
      m.daysInMonth,
      num(m.perMillion?.toFixed(6) ?? null),
    ]),
  );
  return { fileName: `unit-economics-${isoDay(asOf)}.csv`, header: UNIT_HEADER, rows };
}

const SURPLUS_HEADER = [
  "family",
  "month",
  "held",
  "allocated",
  "forecast_need",
  "surplus",
  "surplus_h100e",
  "value_at_spot_usd",
  "value_at_on_demand_usd",
] as const;

export async function surplusTable(ctx: Ctx, scope: ReportScope, asOf: Date): Promise<CsvTable> {
  const view = await loadReportSurplus(ctx, scope, asOf);
  const rows = view.families.flatMap((f) =>
    f.months.map((m) => [
      f.family,
      isoDay(m.month.from).slice(0, 7),
      num(m.held.toFixed(4)),
      num(m.allocated.toFixed(4)),
      num(m.need.toFixed(4)),
      num(m.surplus.toFixed(4)),
      num(m.surplusH100e.toFixed(4)),
      money(m.valueSpot),
      money(m.valueOnDemand),
    ]),
  );
  return { fileName: `surplus-${isoDay(asOf)}.csv`, header: SURPLUS_HEADER, rows };
}
