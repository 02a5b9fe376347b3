import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { budgets, providers } from "@/lib/db/schema";
import { fxRates } from "@/lib/env";
import { budgetPeriod, budgetPeriods, budgetStatus, type BudgetStatus } from "@/lib/metrics/budgets";
import { addUtcMonths, isoDay, startOfUtcMonth } from "@/lib/metrics/calendar";
import { sumDec, type Dec } from "@/lib/metrics/decimal";
import { REPORTING_CURRENCY, toUsd, type FxRates } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import type { BudgetListParams } from "./params";

export { parseBudgetListParams, type BudgetListParams } from "./params";

export type BudgetRecord = typeof budgets.$inferSelect & { providerName: string | null };

export type BudgetPeriodRow = {
  period: Period;
  /** The amount in the reporting currency (USD); null when its currency has no rate in HEADROOM_FX_RATES. */
  amountUsd: Dec | null;
  status: BudgetStatus | null;
};

export type BudgetRow = BudgetRecord & BudgetPeriodRow;

export type BudgetsView = { asOf: Date; at: Date; currency: string; rows: BudgetRow[] };

async function loadBudgets(ctx: Ctx, where: { id?: string; archived?: boolean }): Promise<BudgetRecord[]> {
  const rows = await ctx.db
    .select({ budget: budgets, providerName: providers.name })
    .from(budgets)
    .leftJoin(providers, eq(providers.id, budgets.providerId))
    .where(
      and(
        where.id ? eq(budgets.id, where.id) : undefined,
        where.archived === undefined ? undefined : where.archived ? isNotNull(budgets.archivedAt) : isNull(budgets.archivedAt),
      ),
    )
    .orderBy(asc(budgets.name));
  return rows.map((r) => ({ ...r.budget, providerName: r.providerName }));
}

const month = (d: Date) => isoDay(d).slice(0, 7);
const dayOf = (s: string) => new Date(`${s}T00:00:00Z`);
const activeIn = (b: BudgetRecord, p: Period) => dayOf(b.activeFrom) < p.to && (b.activeTo === null || dayOf(b.activeTo) > p.from);

/** The /costs URL of a budget's scope over these periods (`to` is the last month, inclusive). */
export function costsParams(b: Pick<BudgetRecord, "providerId" | "family">, periods: readonly Period[]): URLSearchParams {
  const s = new URLSearchParams({ from: month(periods[0]!.from), to: month(addUtcMonths(periods.at(-1)!.to, -1)) });
  if (b.providerId) s.set("provider", b.providerId);
  if (b.family) s.set("family", b.family);
  return s;
}

/**
 * Actual and planned spend of a budget's scope per period, from the Costs page itself (getCostsFromUrl with the
 * scope as its provider or family filter) over the periods' whole span: actual = its billed cells, planned = its
 * planned cells (unbilled provider-months: past ones from usage, the rest from capacity), its months summed by period.
 */
async function spendByPeriod(ctx: Ctx, b: BudgetRecord, periods: Period[], asOf: Date, rates: FxRates) {
  const { view } = await getCostsFromUrl(ctx, costsParams(b, periods), asOf, rates);
  return periods.map((p) => {
    const months = view.spend.filter((m) => m.month.from >= p.from && m.month.from < p.to);
    return { actual: sumDec(months.map((m) => m.actual)), planned: sumDec(months.map((m) => m.planned)) };
  });
}

async function periodRows(ctx: Ctx, b: BudgetRecord, periods: Period[], asOf: Date, rates: FxRates): Promise<BudgetPeriodRow[]> {
  if (periods.length === 0) return [];
  const sums = await spendByPeriod(ctx, b, periods, asOf, rates);
  const amountUsd = toUsd(b.amount, b.currency, rates);
  return periods.map((period, i) => ({
    period,
    amountUsd,
    status: amountUsd
      ? budgetStatus({
          amount: amountUsd,
          actual: sums[i]!.actual,
          plannedRemainder: sums[i]!.planned,
          actualThresholdPct: b.actualThresholdPct,
          forecastThresholdPct: b.forecastThresholdPct,
        })
      : null,
  }));
}

/**
 * The budgets (active ones, or the archived with `archived`) each in its period that contains the month `at`
 * (this month by default): amount vs actual and forecast in USD, with the threshold states. A budget not active in
 * that period has no status. What /budgets shows and GET /api/v1/budgets answers.
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
  const list = await loadBudgets(ctx, { archived: params.archived });
  const rows = await Promise.all(
    list.map(async (b): Promise<BudgetRow> => {
      const period = budgetPeriod(b.periodKind, at);
      const [row] = activeIn(b, period) ? await periodRows(ctx, b, [period], asOf, rates) : [];
      return { ...b, ...(row ?? { period, amountUsd: toUsd(b.amount, b.currency, rates), status: null }) };
    }),
  );
  return { asOf, at, currency: REPORTING_CURRENCY, rows };
}

/** One budget's row, archived or not; null when there is none. */
export async function getBudgetRecord(ctx: Ctx, id: string): Promise<BudgetRecord | null> {
  requirePermission(ctx, "app.read");
  const [budget] = await loadBudgets(ctx, { id });
  return budget ?? null;
}

/** How many periods the detail page shows, up to the current one. */
const HISTORY = { month: 12, quarter: 8, year: 4 } as const;

/** One budget with its periods up to the one containing asOf (those it is active in): budget vs actual vs forecast. */
export async function getBudgetDetail(ctx: Ctx, id: string, options: { asOf?: Date; fxRates?: FxRates } = {}) {
  const budget = await getBudgetRecord(ctx, id);
  if (!budget) return null;
  const asOf = options.asOf ?? new Date();
  const rates = options.fxRates ?? fxRates();
  const kind = budget.periodKind;
  const periods = budgetPeriods(kind, asOf, HISTORY[kind]).filter((p) => activeIn(budget, p));
  return { budget, asOf, currency: REPORTING_CURRENCY, periods: await periodRows(ctx, budget, periods, asOf, rates) };
}
