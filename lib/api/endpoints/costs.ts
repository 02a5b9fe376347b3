import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import type { ComparisonRow, ProviderTotal } from "@/lib/metrics/provider-comparison";
import type { UnitCosts } from "@/lib/metrics/unit-cost";
import { dec } from "@/lib/metrics/decimal";
import { getCostsFromUrl, COSTS_DEFAULTS } from "@/lib/queries/costs/from-url";
import { TPS_PARAM_PREFIX } from "@/lib/queries/costs/workload-profile";
import type { CostsView } from "@/lib/queries/costs";
import { planningFields, planningQuery } from "../filters";
import { DecimalString, Instant, Month, PeriodJson, Ratio, decimal, decimalOrNull, instant, month, period } from "../json";
import { checkQuery, searchParamsOf } from "../query";

// /costs without the team / workload filter (the page shows only showback under it): spend and the provider comparison.

export const CostsQuery = planningQuery(["range", "from", "to", "provider", "family", "site", "scenario"], {
  by: planningFields.by
    .exclude(["site"], { message: "must be provider or family." })
    .optional()
    .meta({ description: `Group spend by provider or family (default ${COSTS_DEFAULTS.by}).` }),
});

const TPS_MESSAGE = "must be tokens per second per accelerator, a number above 0 and at most 10000000.";

/**
 * The comparison's query: the cost filters, and the workload profile of its $ per 1M tokens as on the page,
 * `tps.<family>=<tokens/s>` (parseWorkloadProfile reads it; a family left out keeps its default).
 */
export const ComparisonQuery = CostsQuery.catchall(z.string()).superRefine((values, ctx) => {
  for (const [key, value] of Object.entries(values)) {
    if (key in CostsQuery.shape) continue;
    if (!key.startsWith(TPS_PARAM_PREFIX) || key.length === TPS_PARAM_PREFIX.length)
      ctx.addIssue({ code: "custom", path: [key], message: `${key} is not a parameter of this endpoint.` });
    else if (!/^\d+(\.\d+)?$/.test(String(value)) || !dec(String(value)).gt(0) || dec(String(value)).gt(10_000_000))
      ctx.addIssue({ code: "custom", path: [key], message: TPS_MESSAGE });
  }
});

const Money = z.object({ actual: DecimalString, planned: DecimalString });

export const SpendResponse = z.object({
  asOf: Instant,
  currency: z.string(),
  by: z.enum(["provider", "family"]),
  months: z.array(
    Money.extend({
      month: Month,
      total: DecimalString,
      groups: z.array(Money.extend({ group: z.string() })).meta({
        description: "Per provider or family: actual (billing) and planned (reservations × rates), never both for one provider-month.",
      }),
    }),
  ),
  actualMonths: z.array(z.object({ provider: z.string(), months: z.array(Month) })).meta({
    description: "Per provider, the months whose cost comes from billing; every other month is planned.",
  }),
  unconverted: z.array(z.object({ currency: z.string(), count: z.number().int() })),
});
export type SpendJson = z.infer<typeof SpendResponse>;

const Units = z.object({
  usedAh: DecimalString,
  usedH100eHours: DecimalString,
  usedPflopHours: DecimalString,
  millionTokens: DecimalString.nullable(),
  effectiveRate: DecimalString.nullable().meta({ description: "$ per useful accelerator-hour (cost ÷ used AH)." }),
  perH100eHour: DecimalString.nullable(),
  perPflopHour: DecimalString.nullable(),
  perMillionTokens: DecimalString.nullable(),
});
const Totals = z.object({
  providerId: z.string(),
  providerName: z.string(),
  capacityAh: DecimalString,
  usedAh: DecimalString,
  utilization: Ratio,
  cost: DecimalString,
  actualMonths: z.number().int(),
  plannedMonths: z.number().int(),
  heldRate: DecimalString.nullable(),
  units: Units,
});

export const ComparisonResponse = z.object({
  asOf: Instant,
  currency: z.string(),
  period: PeriodJson.nullable().meta({ description: "The range's whole past months compared; null when none has passed." }),
  rows: z.array(
    Totals.extend({
      family: z.string(),
      registerRate: DecimalString.nullable(),
      billing: z
        .object({
          months: z.number().int(),
          usedAh: DecimalString,
          list: DecimalString.nullable(),
          contracted: DecimalString.nullable(),
          effective: DecimalString.nullable(),
        })
        .nullable(),
    }),
  ),
  providers: z.array(Totals.extend({ families: z.number().int() })),
  profile: z
    .array(z.object({ family: z.string(), tokensPerSecond: DecimalString, default: DecimalString, edited: z.boolean() }))
    .meta({ description: "The workload profile behind $ per 1M tokens: tokens/s per accelerator, per family." }),
});
export type ComparisonJson = z.infer<typeof ComparisonResponse>;

const units = (u: UnitCosts): z.infer<typeof Units> => ({
  usedAh: decimal(u.usedAh),
  usedH100eHours: decimal(u.usedH100eHours),
  usedPflopHours: decimal(u.usedPflopHours),
  millionTokens: decimalOrNull(u.millionTokens),
  effectiveRate: decimalOrNull(u.effectiveRate),
  perH100eHour: decimalOrNull(u.perH100eHour),
  perPflopHour: decimalOrNull(u.perPflopHour),
  perMillionTokens: decimalOrNull(u.perMillionTokens),
});

const totals = (r: ComparisonRow | ProviderTotal): z.infer<typeof Totals> => ({
  providerId: r.providerId,
  providerName: r.providerName,
  capacityAh: decimal(r.capacityAh),
  usedAh: decimal(r.usedAh),
  utilization: decimalOrNull(r.utilization),
  cost: decimal(r.cost),
  actualMonths: r.actualMonths,
  plannedMonths: r.plannedMonths,
  heldRate: decimalOrNull(r.heldRate),
  units: units(r.units),
});

export function spendJson(view: CostsView): SpendJson {
  return {
    asOf: instant(view.asOf),
    currency: view.currency,
    by: view.by,
    months: view.spend.map((m) => ({
      month: month(m.month),
      actual: decimal(m.actual),
      planned: decimal(m.planned),
      total: decimal(m.total),
      groups: [...m.byGroup].map(([group, g]) => ({ group, actual: decimal(g.actual), planned: decimal(g.planned) })),
    })),
    actualMonths: view.actualMonths.map((a) => ({ provider: a.providerName, months: a.months.map(month) })),
    unconverted: view.unconverted,
  };
}

export function comparisonJson(view: CostsView): ComparisonJson {
  const c = view.comparison;
  return {
    asOf: instant(view.asOf),
    currency: view.currency,
    period: c.period ? period(c.period) : null,
    rows: c.rows.map((r) => ({
      ...totals(r),
      family: r.family,
      registerRate: decimalOrNull(r.registerRate),
      billing: r.billing
        ? {
            months: r.billing.months,
            usedAh: decimal(r.billing.usedAh),
            list: decimalOrNull(r.billing.list),
            contracted: decimalOrNull(r.billing.contracted),
            effective: decimalOrNull(r.billing.effective),
          }
        : null,
    })),
    providers: c.providers.map((p) => ({ ...totals(p), families: p.families })),
    profile: c.profile.map((p) => ({ family: p.family, tokensPerSecond: p.tokensPerSecond, default: p.default, edited: p.edited })),
  };
}

/** The cost view of /costs for the checked query: getCostsFromUrl, the page's loader (12 months back and ahead by default). */
async function costsView(query: Record<string, string | undefined>, ctx: Ctx): Promise<CostsView> {
  return (await getCostsFromUrl(ctx, searchParamsOf(query), pageClock())).view;
}

export const readSpend = async (ctx: Ctx, url: URL): Promise<SpendJson> => spendJson(await costsView(checkQuery(url, CostsQuery), ctx));
export const readComparison = async (ctx: Ctx, url: URL): Promise<ComparisonJson> =>
  comparisonJson(await costsView(checkQuery(url, ComparisonQuery), ctx));
