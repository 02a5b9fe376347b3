import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { BUDGET_PERIOD_KINDS, BUDGET_SCOPE_KINDS } from "@/lib/enums";
import { getBudgetsView, parseBudgetListParams, type BudgetRow, type BudgetsView } from "@/lib/queries/budgets";
import { parseMonth } from "@/lib/queries/filters/params";
import { dec } from "@/lib/metrics/decimal";
import { DecimalString, Instant, Month, PeriodJson, decimal, instant, month, period } from "../json";
import { checkQuery, searchParamsOf } from "../query";

export const BudgetsQuery = z
  .object({
    at: z
      .string()
      .refine((v) => parseMonth(v) !== null, { message: "must be a month YYYY-MM (2000-01 to 2100-12)." })
      .optional()
      .meta({ description: "Each budget is shown in its period (month, quarter or year) containing this month; this month by default." }),
    archived: z.literal("1", { message: "must be 1 (archived budgets) or left out (active ones)." }).optional(),
  })
  .strict();

const Threshold = z.object({
  pct: DecimalString.meta({ description: "Percent of the amount." }),
  crossed: z.boolean().meta({ description: "The figure has reached pct % of the amount." }),
});

const Budget = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(BUDGET_SCOPE_KINDS),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  family: z.string().nullable(),
  periodKind: z.enum(BUDGET_PERIOD_KINDS),
  period: PeriodJson,
  amount: DecimalString.meta({ description: "Per period, in currency." }),
  currency: z.string(),
  amountUsd: DecimalString.nullable().meta({ description: "The amount in USD; null when its currency has no rate in HEADROOM_FX_RATES." }),
  status: z
    .object({
      actual: DecimalString.meta({ description: "Spend to date in the period, USD: the Costs page's billed (actual) spend." }),
      forecast: DecimalString.meta({ description: "actual + the Costs page's planned spend for the rest of the period, USD." }),
      actualPct: DecimalString,
      forecastPct: DecimalString,
      remaining: DecimalString.meta({ description: "amountUsd − forecast; negative when the forecast runs over." }),
      actualThreshold: Threshold,
      forecastThreshold: Threshold,
    })
    .nullable()
    .meta({ description: "Null when the budget is not active in that period or its currency has no rate." }),
  archived: z.boolean(),
});

export const BudgetsResponse = z.object({ asOf: Instant, at: Month, currency: z.string(), budgets: z.array(Budget) });
export type BudgetsJson = z.infer<typeof BudgetsResponse>;

function budgetJson(b: BudgetRow): z.infer<typeof Budget> {
  const s = b.status;
  return {
    id: b.id,
    name: b.name,
    scope: b.scopeKind,
    providerId: b.providerId,
    providerName: b.providerName,
    family: b.family,
    periodKind: b.periodKind,
    period: period(b.period),
    amount: decimal(dec(b.amount)),
    currency: b.currency,
    amountUsd: b.amountUsd ? decimal(b.amountUsd) : null,
    status: s
      ? {
          actual: decimal(s.actual),
          forecast: decimal(s.forecast),
          actualPct: decimal(s.actualPct),
          forecastPct: decimal(s.forecastPct),
          remaining: decimal(s.remaining),
          actualThreshold: { pct: decimal(s.thresholds[0].pct), crossed: s.thresholds[0].crossed },
          forecastThreshold: { pct: decimal(s.thresholds[1].pct), crossed: s.thresholds[1].crossed },
        }
      : null,
    archived: b.archivedAt !== null,
  };
}

export function budgetsJson(view: BudgetsView): BudgetsJson {
  return { asOf: instant(view.asOf), at: month(view.at), currency: view.currency, budgets: view.rows.map(budgetJson) };
}

/** The budgets as /budgets shows them: getBudgetsView with the page's at and archived parameters. */
export async function readBudgets(ctx: Ctx, url: URL): Promise<BudgetsJson> {
  const params = parseBudgetListParams(searchParamsOf(checkQuery(url, BudgetsQuery)));
  return budgetsJson(await getBudgetsView(ctx, params, { asOf: pageClock() }));
}
