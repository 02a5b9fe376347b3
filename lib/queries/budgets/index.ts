import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { budgets, contracts, providers, teams, workloads } from "@/lib/db/schema";
import { fxRates } from "@/lib/env";
import { budgetPeriod, budgetPeriods, budgetStatus, type BudgetStatus } from "@/lib/metrics/budgets";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import type { Dec } from "@/lib/metrics/decimal";
import { REPORTING_CURRENCY, toUsd, type FxRates } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import { amountInFigureUnit, budgetFigures } from "./figures";
import { getBudgetWarnings, type BudgetWarning } from "./hierarchy";
import type { BudgetListParams } from "./params";

export { parseBudgetListParams, type BudgetListParams } from "./params";
export type { BudgetWarning } from "./hierarchy";

export type BudgetRecord = typeof budgets.$inferSelect & {
  providerName: string | null;
  teamName: string | null;
  workloadName: string | null;
  contractName: string | null;
};

export type BudgetPeriodRow = {
  period: Period;
  /** A money budget's amount in the reporting currency (USD); null when its currency has no rate, and for AH / H100e·h. */
  amountUsd: Dec | null;
  /** Amount, actual and forecast in the figure unit: USD for money, the budget's own unit (AH, H100e·h) otherwise. */
  status: BudgetStatus | null;
};

export type BudgetRow = BudgetRecord & BudgetPeriodRow;

export type BudgetsView = {
  asOf: Date;
  at: Date;
  currency: string;
  rows: BudgetRow[];
  /** Team budgets below the sum of their sub-teams' (a warning: saving is never refused for it). */
  warnings: BudgetWarning[];
};

async function loadBudgets(ctx: Ctx, where: { id?: string; archived?: boolean }): Promise<BudgetRecord[]> {
  const rows = await ctx.db
    .select({
      budget: budgets,
      providerName: providers.name,
      teamName: teams.name,
      workloadName: workloads.name,
      contractName: contracts.name,
    })
    .from(budgets)
    .leftJoin(providers, eq(providers.id, budgets.providerId))
    .leftJoin(teams, eq(teams.id, budgets.teamId))
    .leftJoin(workloads, eq(workloads.id, budgets.workloadId))
    .leftJoin(contracts, eq(contracts.id, budgets.contractId))
    .where(
      and(
        where.id ? eq(budgets.id, where.id) : undefined,
        where.archived === undefined ? undefined : where.archived ? isNotNull(budgets.archivedAt) : isNull(budgets.archivedAt),
      ),
    )
    .orderBy(asc(budgets.name));
  return rows.map((r) => ({
    ...r.budget,
    providerName: r.providerName,
    teamName: r.teamName,
    workloadName: r.workloadName,
    contractName: r.contractName,
  }));
}

const dayOf = (s: string) => new Date(`${s}T00:00:00Z`);
const activeIn = (b: BudgetRecord, p: Period) => dayOf(b.activeFrom) < p.to && (b.activeTo === null || dayOf(b.activeTo) > p.from);

async function periodRows(ctx: Ctx, b: BudgetRecord, periods: Period[], asOf: Date, rates: FxRates): Promise<BudgetPeriodRow[]> {
  if (periods.length === 0) return [];
  const amount = amountInFigureUnit(b, rates);
  const figures = amount ? await budgetFigures(ctx, b, periods, asOf, rates) : periods.map(() => null);
  const amountUsd = b.unit === "money" ? amount : null;
  return periods.map((period, i) => {
    const f = figures[i];
    return {
      period,
      amountUsd,
      status:
        amount && f
          ? budgetStatus({
              amount,
              actual: f.actual,
              plannedRemainder: f.planned,
              actualThresholdPct: b.actualThresholdPct,
              forecastThresholdPct: b.forecastThresholdPct,
            })
          : null,
    };
  });
}

/**
 * The budgets (active ones, or the archived with `archived`) each in its period that contains the month `at`
 * (this month by default): amount vs actual and forecast (USD for money, AH or H100e·h for use budgets), with the
 * threshold states and the team hierarchy warnings. A budget not active in that period has no status. What /budgets
 * shows, GET /api/v1/budgets answers and the budget alerts evaluate.
 */
export async function getBudgetsView(
  ctx: Ctx,
  params: BudgetListParams,
  options: { asOf?: Date; fxRates?: FxRates } = {},
): Promise<BudgetsView> {
  requirePermission(ctx, "app.read");
  const asOf = options.asOf ?? new Date();
  const rates = options.fxRates ?? fxRates();
  const at = params.at ?? startOfUtcMonth(asOf);
  const [list, warnings] = await Promise.all([loadBudgets(ctx, { archived: params.archived }), getBudgetWarnings(ctx)]);
  const rows = await Promise.all(
    list.map(async (b): Promise<BudgetRow> => {
      const period = budgetPeriod(b.periodKind, at);
      const [row] = activeIn(b, period) ? await periodRows(ctx, b, [period], asOf, rates) : [];
      const amountUsd = b.unit === "money" ? toUsd(b.amount, b.currency, rates) : null;
      return { ...b, ...(row ?? { period, amountUsd, status: null }) };
    }),
  );
  return { asOf, at, currency: REPORTING_CURRENCY, rows, warnings: params.archived ? [] : warnings };
}

/** One budget's row, archived or not; null when there is none. */
export async function getBudgetRecord(ctx: Ctx, id: string): Promise<BudgetRecord | null> {
  requirePermission(ctx, "app.read");
  const [budget] = await loadBudgets(ctx, { id });
  return budget ?? null;
}

/** How many periods the detail page shows, up to the current one. */
const HISTORY = { month: 12, quarter: 8, year: 4 } as const;

/**
 * One budget with its periods up to the one containing asOf (those it is active in): budget vs actual vs forecast,
 * and the hierarchy warnings it takes part in (as the parent or as one of the children).
 */
export async function getBudgetDetail(ctx: Ctx, id: string, options: { asOf?: Date; fxRates?: FxRates } = {}) {
  const budget = await getBudgetRecord(ctx, id);
  if (!budget) return null;
  const asOf = options.asOf ?? new Date();
  const rates = options.fxRates ?? fxRates();
  const kind = budget.periodKind;
  const periods = budgetPeriods(kind, asOf, HISTORY[kind]).filter((p) => activeIn(budget, p));
  const [rows, warnings] = await Promise.all([
    periodRows(ctx, budget, periods, asOf, rates),
    budget.scopeKind === "team" && !budget.archivedAt ? getBudgetWarnings(ctx) : [],
  ]);
  const mine = warnings.filter((w) => w.parentBudgetId === id || w.children.some((c) => c.budgetId === id));
  return { budget, asOf, currency: REPORTING_CURRENCY, periods: rows, warnings: mine };
}
