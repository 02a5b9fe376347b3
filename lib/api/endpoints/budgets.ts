import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { BUDGET_PERIOD_KINDS, BUDGET_SCOPE_KINDS, BUDGET_UNITS, type BudgetUnit } from "@/lib/enums";
import { USE_UNIT_LABEL } from "@/lib/format/budget";
import { REPORTING_CURRENCY } from "@/lib/metrics/fx";
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
  teamId: z.string().nullable().meta({ description: "A team budget's team; its figures include every team under it." }),
  teamName: z.string().nullable(),
  workloadId: z.string().nullable(),
  workloadName: z.string().nullable(),
  contractId: z.string().nullable(),
  contractName: z.string().nullable(),
  unit: z.enum(BUDGET_UNITS).meta({
    description: "money (amount in currency), ah (accelerator-hours used) or h100e_h (H100-equivalent hours used).",
  }),
  figureUnit: z.string().meta({ description: "The unit of status: USD for money, AH or H100e·h for use budgets." }),
  periodKind: z.enum(BUDGET_PERIOD_KINDS),
  period: PeriodJson,
  amount: DecimalString.meta({ description: "Per period, in currency (money) or in the unit (ah, h100e_h)." }),
  currency: z.string().meta({ description: "A money budget's currency (USD stored, and unused, for ah and h100e_h)." }),
  amountUsd: DecimalString.nullable().meta({
    description: "A money budget's amount in USD; null when its currency has no rate in HEADROOM_FX_RATES, and for ah and h100e_h.",
  }),
  status: z
    .object({
      amount: DecimalString.meta({ description: "The amount in figureUnit." }),
      actual: DecimalString.meta({
        description:
          "Actual to date in the period, in figureUnit. Money: the Costs page's billed spend (lab, provider, family), the Allocation page's billed months (team, workload), the burn-down's consumed (contract). Use: used hours as on the Utilization page.",
      }),
      forecast: DecimalString.meta({
        description:
          "actual + the rest of the period: the planned spend of those pages, the contract's projection, or for use the scope's capacity ahead × its utilization over the last 14 days.",
      }),
      actualPct: DecimalString,
      forecastPct: DecimalString,
      remaining: DecimalString.meta({ description: "amount − forecast, in figureUnit; negative when the forecast runs over." }),
      actualThreshold: Threshold,
      forecastThreshold: Threshold,
    })
    .nullable()
    .meta({ description: "Null when the budget is not active in that period or its currency has no rate." }),
  archived: z.boolean(),
});

const Warning = z.object({
  parentBudgetId: z.string(),
  parentBudgetName: z.string(),
  parentTeamName: z.string(),
  unit: z.enum(BUDGET_UNITS),
  periodKind: z.enum(BUDGET_PERIOD_KINDS),
  amount: DecimalString,
  childrenSum: DecimalString.meta({ description: "Σ of the direct sub-teams' comparable budgets (same unit, period kind, currency)." }),
  children: z.array(z.object({ budgetId: z.string(), budgetName: z.string(), teamName: z.string(), amount: DecimalString })),
});

export const BudgetsResponse = z.object({
  asOf: Instant,
  at: Month,
  currency: z.string(),
  budgets: z.array(Budget),
  warnings: z.array(Warning).meta({ description: "Team budgets below the sum of their direct sub-teams' budgets (saved all the same)." }),
});
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
    teamId: b.teamId,
    teamName: b.teamName,
    workloadId: b.workloadId,
    workloadName: b.workloadName,
    contractId: b.contractId,
    contractName: b.contractName,
    unit: b.unit as BudgetUnit,
    figureUnit: b.unit === "money" ? REPORTING_CURRENCY : (USE_UNIT_LABEL[b.unit] ?? b.unit),
    periodKind: b.periodKind,
    period: period(b.period),
    amount: decimal(dec(b.amount)),
    currency: b.currency,
    amountUsd: b.amountUsd ? decimal(b.amountUsd) : null,
    status: s
      ? {
          amount: decimal(s.amount),
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
  return {
    asOf: instant(view.asOf),
    at: month(view.at),
    currency: view.currency,
    budgets: view.rows.map(budgetJson),
    warnings: view.warnings.map((w) => ({
      parentBudgetId: w.parentBudgetId,
      parentBudgetName: w.parentBudgetName,
      parentTeamName: w.parentTeamName,
      unit: w.unit as BudgetUnit,
      periodKind: w.periodKind as (typeof BUDGET_PERIOD_KINDS)[number],
      amount: decimal(w.amount),
      childrenSum: decimal(w.childrenSum),
      children: w.children.map((c) => ({
        budgetId: c.budgetId,
        budgetName: c.budgetName,
        teamName: c.teamName,
        amount: decimal(c.amount),
      })),
    })),
  };
}

/** The budgets as /budgets shows them: getBudgetsView with the page's at and archived parameters. */
export async function readBudgets(ctx: Ctx, url: URL): Promise<BudgetsJson> {
  const params = parseBudgetListParams(searchParamsOf(checkQuery(url, BudgetsQuery)));
  return budgetsJson(await getBudgetsView(ctx, params, { asOf: pageClock() }));
}
