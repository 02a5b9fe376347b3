import { sql } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/rows";
import type { budgets } from "@/lib/db/schema";
import { contractPeriodSpend, showbackPeriodSpend, type PeriodSpend } from "@/lib/metrics/budget-spend";
import { RECENT_USE_DAYS, usageBudgetFigures, type ScopeBlock, type UseUnit } from "@/lib/metrics/budget-use";
import { addUtcDays, addUtcMonths, isoDay, startOfUtcDay } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { toUsd, type FxRates } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import type { BlockUsage, UsageBlock } from "@/lib/metrics/utilization-view";
import { getShowbackView } from "@/lib/queries/allocation/showback-view";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { loadSelection, type Selection } from "@/lib/queries/filters/selection";
import { getUtilizationView } from "@/lib/queries/utilization";

type Budget = typeof budgets.$inferSelect;

/** A period's actual to date and the forecast remainder, in the budget's figure unit (USD, AH or H100e·h); null: not convertible. */
export type PeriodFigures = PeriodSpend | null;

const month = (d: Date) => isoDay(d).slice(0, 7);
const span = (periods: readonly Period[]): Period => ({ from: periods[0]!.from, to: periods.at(-1)!.to });

/** The /costs URL of a budget's scope over these periods (`to` is the last month, inclusive). */
export function costsParams(b: Pick<Budget, "providerId" | "family">, periods: readonly Period[]): URLSearchParams {
  const s = new URLSearchParams({ from: month(periods[0]!.from), to: month(addUtcMonths(periods.at(-1)!.to, -1)) });
  if (b.providerId) s.set("provider", b.providerId);
  if (b.family) s.set("family", b.family);
  return s;
}

/**
 * Lab, provider, family: the Costs page itself (getCostsFromUrl with the scope as its filter) over the periods' span:
 * actual = its billed cells, planned = its planned cells, its months summed by period.
 */
async function costsSpend(ctx: Ctx, b: Budget, periods: Period[], asOf: Date, rates: FxRates): Promise<PeriodFigures[]> {
  const { view } = await getCostsFromUrl(ctx, costsParams(b, periods), asOf, rates);
  return periods.map((p) => {
    const months = view.spend.filter((m) => m.month.from >= p.from && m.month.from < p.to);
    return { actual: sumDec(months.map((m) => m.actual)), planned: sumDec(months.map((m) => m.planned)) };
  });
}

/** Team (with its sub-teams) or workload: the Allocation page's showback per month, as it shows it (to the cent). */
async function showbackSpend(ctx: Ctx, b: Budget, periods: Period[], asOf: Date): Promise<PeriodFigures[]> {
  const view = await getShowbackView(ctx, span(periods), asOf);
  const months = view.months.map((m) => ({
    month: m.month,
    source: m.source,
    amount: (b.teamId ? m.teams.get(b.teamId)?.rolled.total : m.workloads.get(b.workloadId ?? "")?.total) ?? dec(0),
  }));
  return periods.map((p) => showbackPeriodSpend(months, p));
}

/** Contract: its burn-down (the contract page's), converted from the contract's currency to USD. */
async function contractSpend(ctx: Ctx, b: Budget, periods: Period[], asOf: Date, rates: FxRates): Promise<PeriodFigures[]> {
  const burndown = await getContractBurndown(ctx, b.contractId!, asOf);
  return periods.map((p) => {
    const s = contractPeriodSpend(burndown, burndown.months, p);
    const actual = toUsd(s.actual, burndown.currency, rates);
    const planned = toUsd(s.planned, burndown.currency, rates);
    return actual && planned ? { actual, planned } : null;
  });
}

type ScopeOf = { selection: Selection | null; factor: Map<string, string>; inContract: (blockId: string) => boolean };

async function loadUseScope(ctx: Ctx, b: Budget): Promise<ScopeOf> {
  const [selection, rows] = await Promise.all([
    b.teamId || b.workloadId ? loadSelection(ctx, { team: b.teamId, workload: b.workloadId }) : null,
    queryRows<{ id: string; factor: string; contract_id: string | null }>(
      ctx.db,
      sql`select r.id, t.h100_equivalent::text as factor, r.contract_id from reservations r join accelerator_types t on t.id = r.accelerator_type_id`,
    ),
  ]);
  const contractOf = new Map(rows.map((r) => [r.id, r.contract_id]));
  return {
    selection,
    factor: new Map(rows.map((r) => [r.id, r.factor])),
    inContract: (id) => !b.contractId || contractOf.get(id) === b.contractId,
  };
}

// A block of the Utilization page is a reservation, or (team / workload) one allocation of it carrying its reservationId.
const blockId = (u: UsageBlock) => u.reservationId ?? u.id;

/**
 * AH or H100e·h in the scope per period (lib/metrics/budget-use.ts): actual from the Utilization page itself
 * (getUtilizationView over the period with the scope's provider / family filter or team / workload selection; a
 * contract's linked reservations picked out of the lab's), and for a period not over yet, the capacity of the scope's
 * blocks from today to its end × their utilization over the RECENT_USE_DAYS days before today.
 */
async function usageFigures(ctx: Ctx, b: Budget, periods: Period[], asOf: Date, rates: FxRates): Promise<PeriodFigures[]> {
  const scope = await loadUseScope(ctx, b);
  const today = startOfUtcDay(asOf);
  const filters = (p: Period) => ({ from: p.from, to: p.to, provider: b.providerId, family: b.family, site: null });
  const view = (p: Period, at: Date, grain: "month" | "day") =>
    getUtilizationView(ctx, filters(p), { asOf: at, grain, selection: scope.selection, fxRates: rates });
  const mine = (list: readonly BlockUsage[]) => list.filter((u) => scope.inContract(blockId(u.block)));
  const factorOf = (u: UsageBlock) => scope.factor.get(blockId(u)) ?? "0";
  const recentPeriod = { from: addUtcDays(today, -RECENT_USE_DAYS), to: today };
  const needsRecent = periods.some((p) => p.to > today);
  const recent = needsRecent ? mine((await view(recentPeriod, asOf, "day")).blocks) : [];
  return Promise.all(
    periods.map(async (p) => {
      const ahead = p.to > today;
      const [actualView, fullView] = await Promise.all([view(p, asOf, "month"), ahead ? view(p, p.to, "month") : null]);
      const blocks: ScopeBlock[] = fullView
        ? [...fullView.blocks.map((u) => u.block), ...fullView.unmeasured]
            .filter((u) => scope.inContract(blockId(u)))
            .map((u) => ({ quantity: u.quantity, startAt: u.startAt, endAt: u.endAt, h100eFactor: factorOf(u) }))
        : [];
      const f = usageBudgetFigures({
        unit: b.unit as UseUnit,
        measured: mine(actualView.blocks).map((u) => ({ usedAh: u.usedAh, h100eFactor: factorOf(u.block) })),
        recent: recent.map((u) => ({ capacityAh: u.capacityAh, usedAh: u.usedAh, h100eFactor: factorOf(u.block) })),
        blocks,
        rest: ahead ? { from: p.from > today ? p.from : today, to: p.to } : null,
      });
      return { actual: f.actual, planned: f.remainder };
    }),
  );
}

/** Actual and forecast remainder of a budget in each period, by its unit and scope (README "Budgets"). */
export async function budgetFigures(ctx: Ctx, b: Budget, periods: Period[], asOf: Date, rates: FxRates): Promise<PeriodFigures[]> {
  requirePermission(ctx, "app.read");
  if (periods.length === 0) return [];
  if (b.unit !== "money") return usageFigures(ctx, b, periods, asOf, rates);
  if (b.scopeKind === "team" || b.scopeKind === "workload") return showbackSpend(ctx, b, periods, asOf);
  if (b.scopeKind === "contract") return contractSpend(ctx, b, periods, asOf, rates);
  return costsSpend(ctx, b, periods, asOf, rates);
}

/** The amount in the figures' unit: USD for money (null without a rate), the amount itself in AH or H100e·h. */
export function amountInFigureUnit(b: Pick<Budget, "unit" | "amount" | "currency">, rates: FxRates): Dec | null {
  return b.unit === "money" ? toUsd(b.amount, b.currency, rates) : dec(b.amount);
}
