import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { getOverview, type OverviewResult, type SpendSection } from "@/lib/queries/overview";
import { planningFiltersOf, planningQuery } from "../filters";
import { DecimalString, Instant, Month, PeriodJson, Ratio, decimal, decimalOrNull, instant, month, monthOrNull, period } from "../json";
import { checkQuery } from "../query";

export const OverviewQuery = planningQuery(["scenario"]);

const FamilyCount = z.object({ family: z.string(), accelerators: z.number().int(), h100e: DecimalString });
const Unconverted = z.array(z.object({ currency: z.string(), count: z.number().int() })).meta({
  description: "Items in a currency without a HEADROOM_FX_RATES rate: left out of the money figures, counted here.",
});
const SpendPeriod = PeriodJson.extend({
  actual: DecimalString,
  planned: DecimalString,
  total: DecimalString,
  actualMonths: z.array(Month).meta({ description: "Months in which at least one provider's spend comes from billing." }),
  byProvider: z.array(z.object({ provider: z.string(), actual: DecimalString, planned: DecimalString, total: DecimalString })),
});

export const OverviewResponse = z.object({
  asOf: Instant,
  scenario: z.object({ id: z.string(), name: z.string() }).nullable(),
  warnings: z.array(z.string()),
  currency: z.string(),
  committed: z.object({
    total: DecimalString,
    contracts: z.number().int(),
    byStatus: z.array(z.object({ status: z.string(), contracts: z.number().int(), amount: DecimalString, counted: z.boolean() })),
    unconverted: Unconverted,
  }),
  spend: z.object({ toDate: SpendPeriod, forecast: SpendPeriod, unconverted: Unconverted }),
  fleet: z.object({ at: Instant, accelerators: z.number().int(), h100e: DecimalString, byFamily: z.array(FamilyCount) }),
  utilization: PeriodJson.extend({
    usedAh: DecimalString,
    capacityAh: DecimalString,
    ratio: Ratio,
    idleCost: DecimalString,
    unmeasured: z.number().int(),
    byFamily: z.array(
      z.object({ family: z.string(), usedAh: DecimalString, capacityAh: DecimalString, ratio: Ratio, idleCost: DecimalString }),
    ),
  }),
  power: PeriodJson.extend({
    tightest: z
      .object({
        siteId: z.string(),
        siteName: z.string(),
        month: Month,
        headroomMw: DecimalString,
        budgetMw: DecimalString,
        facilityMw: DecimalString,
      })
      .nullable(),
    overBudgetSiteMonths: z.number().int(),
  }),
  runway: z.object({
    overall: Month.nullable().meta({ description: "The first month whose median demand exceeds capacity; null: none within 24 months." }),
    byFamily: z.array(z.object({ family: z.string(), runway: Month.nullable() })),
  }),
  expiring: z.object({
    days: z.number().int(),
    count: z.number().int(),
    accelerators: z.number().int(),
    h100e: DecimalString,
    byFamily: z.array(FamilyCount),
  }),
});
export type OverviewJson = z.infer<typeof OverviewResponse>;

function spendPeriod(p: SpendSection["toDate"]): z.infer<typeof SpendPeriod> {
  return {
    ...period(p.period),
    actual: decimal(p.actual),
    planned: decimal(p.planned),
    total: decimal(p.total),
    actualMonths: p.actualMonths.map(month),
    byProvider: p.byProvider.map((b) => ({
      provider: b.providerName,
      actual: decimal(b.actual),
      planned: decimal(b.planned),
      total: decimal(b.total),
    })),
  };
}

const families = (list: OverviewResult["fleet"]["byFamily"]) =>
  list.map((f) => ({ family: f.family, accelerators: f.accelerators, h100e: decimal(f.h100e) }));

export function overviewJson(o: OverviewResult): OverviewJson {
  const t = o.power.tightest;
  return {
    asOf: instant(o.asOf),
    scenario: o.scenario ? { id: o.scenario.id, name: o.scenario.name } : null,
    warnings: o.warnings,
    currency: o.committed.currency,
    committed: {
      total: decimal(o.committed.total),
      contracts: o.committed.contracts,
      byStatus: o.committed.byStatus.map((b) => ({
        status: b.status,
        contracts: b.contracts,
        amount: decimal(b.amount),
        counted: b.counted,
      })),
      unconverted: o.committed.unconverted,
    },
    spend: { toDate: spendPeriod(o.spend.toDate), forecast: spendPeriod(o.spend.forecast), unconverted: o.spend.unconverted },
    fleet: {
      at: instant(o.fleet.at),
      accelerators: o.fleet.accelerators,
      h100e: decimal(o.fleet.h100e),
      byFamily: families(o.fleet.byFamily),
    },
    utilization: {
      ...period(o.utilization.window),
      usedAh: decimal(o.utilization.usedAh),
      capacityAh: decimal(o.utilization.capacityAh),
      ratio: decimalOrNull(o.utilization.ratio),
      idleCost: decimal(o.utilization.idleCost),
      unmeasured: o.utilization.unmeasured,
      byFamily: o.utilization.byFamily.map((f) => ({
        family: f.family,
        usedAh: decimal(f.usedAh),
        capacityAh: decimal(f.capacityAh),
        ratio: decimalOrNull(f.ratio),
        idleCost: decimal(f.idleCost),
      })),
    },
    power: {
      ...period(o.power.range),
      tightest: t
        ? {
            siteId: t.site.siteId,
            siteName: t.site.siteName,
            month: month(t.point.month),
            headroomMw: decimal(t.point.headroomMw),
            budgetMw: decimal(t.point.budgetMw),
            facilityMw: decimal(t.point.facilityMw),
          }
        : null,
      overBudgetSiteMonths: o.power.overBudgetSiteMonths,
    },
    runway: {
      overall: monthOrNull(o.runway.overall.runway),
      byFamily: o.runway.byFamily.map((f) => ({ family: f.family, runway: monthOrNull(f.line.runway) })),
    },
    expiring: {
      days: o.expiring.days,
      count: o.expiring.count,
      accelerators: o.expiring.accelerators,
      h100e: decimal(o.expiring.h100e),
      byFamily: families(o.expiring.byFamily),
    },
  };
}

/** The Overview's KPIs: getOverview, as the Overview page calls it (its scenario filter only). */
export async function readOverview(ctx: Ctx, url: URL): Promise<OverviewJson> {
  const asOf = pageClock();
  const filters = planningFiltersOf(checkQuery(url, OverviewQuery), { now: asOf });
  return overviewJson(await getOverview(ctx, { asOf, scenario: filters.scenario }));
}
