import { SPEND_HEADER, COMPARISON_HEADER, comparisonCsvRow, spendCsvRow } from "@/lib/queries/costs/export-rows";
import { profileMap } from "@/lib/queries/costs/workload-profile";
import { planningSearchParams } from "@/lib/queries/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import { getCapacity } from "@/lib/queries/capacity";
import { capacityCsv } from "@/lib/queries/capacity/csv";
import { getConcentration } from "@/lib/queries/concentration";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";
import { getPowerPage } from "@/lib/queries/power";
import { loadReportBurndowns, reportCapacityFilters } from "@/lib/queries/reports/sections";
import type { Ctx } from "@/lib/auth/context";
import { scopeFilters, scopePlanInput, type ReportScope, type ReportSection } from "@/lib/queries/reports/scope";
import { runPlan } from "@/lib/queries/plan/run";
import { procurementRequestCsv } from "@/lib/queries/plan/request-csv";
import { showbackTable, surplusTable, unitEconomicsTable } from "./allocation-sections";
import { burndownTable, concentrationTable, kpiTable, powerTable, type CsvTable } from "./answer-tables";

function* mapped<T, U>(items: readonly T[], fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

/**
 * One section of a report as CSV, read with the report's stored scope only (as the rendered report is): the
 * table each app page exports for that section — key figures, the capacity gap table, power per site-month,
 * spend per month, provider comparison, burn-down points, concentration shares, the procurement request, the chargeback,
 * $ per 1M tokens per workload and month, surplus per family and month.
 */
export async function reportSectionCsv(ctx: Ctx, section: ReportSection, scope: ReportScope, asOf: Date): Promise<CsvTable> {
  const filters = scopeFilters(scope, asOf);
  switch (section) {
    case "kpis":
      return kpiTable(await getOverview(ctx, { scenario: filters.scenario, asOf }));
    case "capacity": {
      const view = await getCapacity(ctx, reportCapacityFilters(scope, filters));
      return { fileName: `capacity-gap-${isoDay(view.asOf)}.csv`, ...capacityCsv(view, "gap") };
    }
    case "power":
      return powerTable(await getPowerPage(ctx, filters, null, asOf), "sites", asOf);
    case "costs": {
      const { view } = await getCostsFromUrl(ctx, planningSearchParams(filters), asOf);
      return { fileName: `spend-${isoDay(view.asOf)}.csv`, header: SPEND_HEADER, rows: mapped(view.cells, spendCsvRow) };
    }
    case "comparison": {
      const { view } = await getCostsFromUrl(ctx, planningSearchParams(filters), asOf);
      const tps = profileMap(view.comparison.profile);
      return {
        fileName: `provider-comparison-${isoDay(view.asOf)}.csv`,
        header: COMPARISON_HEADER,
        rows: mapped(view.comparison.rows, (r) => comparisonCsvRow(r, tps)),
      };
    }
    case "burndowns": {
      const { terms, burndowns } = await loadReportBurndowns(ctx, filters, asOf);
      return burndownTable(terms, burndowns, asOf);
    }
    case "concentration":
      return concentrationTable(await getConcentration(ctx, filters, asOf));
    case "plan": {
      const run = await runPlan({ ctx, input: scopePlanInput(scope), asOf });
      return { fileName: `procurement-request-${isoDay(asOf)}.csv`, ...procurementRequestCsv(run) };
    }
    case "showback":
      return showbackTable(ctx, scope, asOf);
    case "unitEconomics":
      return unitEconomicsTable(ctx, scope, asOf);
    case "surplus":
      return surplusTable(ctx, scope, asOf);
  }
}
