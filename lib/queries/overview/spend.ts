import { sql } from "drizzle-orm";
import { filterMonths, presetPeriod } from "@/lib/queries/filters/params";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcMonths, startOfUtcMonth, startOfUtcYear } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { monthlySpend, spendByMonth, type MonthlyUsage, type SpendCell, type SpendMonth } from "@/lib/metrics/monthly-spend";
import type { Period } from "@/lib/metrics/period";
import { committedSpend, isCommitted, type ContractStatus } from "@/lib/metrics/spend";
import type { PlanningBlock } from "@/lib/planning/model";
import type { Ctx } from "@/lib/auth/context";
import { loadBilledMonths, loadBillingGroups, loadMonthlyUsed, type BillingGroup } from "../costs/billing";
import { MONEY_CURRENCY } from "@/lib/db/sql";
import { blocksInUsd, toUsd, unconverted, type FxRates, type Unconverted } from "@/lib/metrics/fx";

const STATUS_ORDER: ContractStatus[] = ["active", "pending", "exhausted", "proposed", "expired", "cancelled"];

export type CommittedSection = {
  currency: string;
  total: Dec;
  contracts: number;
  /** Amounts in USD: other currencies converted at their HEADROOM_FX_RATES rate. */
  byStatus: { status: ContractStatus; contracts: number; amount: Dec; counted: boolean }[];
  /** The rates the total used (currencies of counted contracts other than USD). */
  converted: { currency: string; rate: string }[];
  /** Counted contracts left out: their currency has no rate. */
  unconverted: Unconverted;
};

/** Spend over whole months as /costs computes it: one source per provider-month, actual (billing) or planned. */
export type SpendPeriodSection = {
  period: Period;
  months: SpendMonth[];
  actual: Dec;
  planned: Dec;
  total: Dec;
  byProvider: { providerName: string; actual: Dec; planned: Dec; total: Dec }[];
  /** Months in which at least one provider's spend comes from billing. */
  actualMonths: Date[];
};
export type SpendSection = {
  currency: string;
  toDate: SpendPeriodSection;
  forecast: SpendPeriodSection;
  /** Blocks in either period priced in a currency without a rate: left out of planned spend. */
  unconverted: Unconverted;
};
export type SpendInputs = { usedAh: MonthlyUsage; billed: Set<string>; groups: BillingGroup[] };

/**
 * Committed spend in USD (PRODUCT.md: every money KPI in the reporting currency): Σ committed amount of the active,
 * pending and exhausted contracts, each converted by lib/metrics/fx.ts toUsd; a contract whose currency has no rate is
 * left out and counted in `unconverted`.
 */
export async function loadCommitted(db: Executor, rates: FxRates): Promise<CommittedSection> {
  const rows = await queryRows<{ status: ContractStatus; currency: string; contracts: number; amount: string }>(
    db,
    sql`select status::text as status, currency, count(*)::int as contracts, sum(committed_amount)::text as amount
        from contracts where archived_at is null group by status, currency`,
  );
  const byStatus = STATUS_ORDER.flatMap((status) => {
    const mine = rows.filter((r) => r.status === status);
    const usd = mine.map((r) => ({ ...r, usd: toUsd(r.amount, r.currency, rates) })).filter((r) => r.usd !== null);
    if (!usd.length) return [];
    const contracts = usd.reduce((n, r) => n + r.contracts, 0);
    return [{ status, contracts, amount: sumDec(usd.map((r) => r.usd!)), counted: isCommitted(status) }];
  });
  const counted = rows.filter((r) => isCommitted(r.status));
  return {
    currency: MONEY_CURRENCY,
    total: committedSpend(byStatus.map((s) => ({ status: s.status, committedAmount: s.amount }))),
    contracts: byStatus.filter((s) => s.counted).reduce((n, s) => n + s.contracts, 0),
    byStatus,
    converted: [...new Set(counted.map((r) => r.currency))]
      .filter((c) => c !== MONEY_CURRENCY && rates[c] !== undefined)
      .sort()
      .map((currency) => ({ currency, rate: rates[currency]! })),
    unconverted: unconverted(
      counted.map((r) => ({ currency: r.currency, count: r.contracts })),
      rates,
    ),
  };
}

/**
 * Spend to date: the closed months of the year of last month ([1 Jan, start of this month); all of last year in
 * January). The 12-month forecast: this month and the 11 after it (/costs' "Next 12 months"). Both as /costs.
 */
export function spendPeriods(asOf: Date): { toDate: Period; forecast: Period } {
  const thisMonth = startOfUtcMonth(asOf);
  return { toDate: { from: startOfUtcYear(addUtcMonths(thisMonth, -1)), to: thisMonth }, forecast: presetPeriod("12m", asOf) };
}

/** The billing and usage rows /costs reads, once for both periods. */
export async function loadSpendInputs(ctx: Ctx, asOf: Date): Promise<SpendInputs> {
  const { toDate, forecast } = spendPeriods(asOf);
  const f = { from: toDate.from, to: forecast.to, provider: null, family: null, site: null };
  const [usedAh, billed, groups] = await Promise.all([
    loadMonthlyUsed(ctx, f),
    loadBilledMonths(ctx, f, MONEY_CURRENCY),
    loadBillingGroups(ctx, f, MONEY_CURRENCY),
  ]);
  return { usedAh, billed, groups };
}

function periodSection(period: Period, cells: readonly SpendCell[]): SpendPeriodSection {
  const months = spendByMonth(filterMonths(period), cells, "provider");
  const mine = cells.filter((c) => c.month.from >= period.from && c.month.from < period.to);
  const providers = new Map<string, { actual: Dec; planned: Dec }>();
  for (const c of mine) {
    const p = providers.get(c.providerName) ?? { actual: dec(0), planned: dec(0) };
    p[c.source] = p[c.source].plus(c.amount);
    providers.set(c.providerName, p);
  }
  const byProvider = [...providers]
    .map(([providerName, p]) => ({ providerName, ...p, total: p.actual.plus(p.planned) }))
    .sort((a, b) => b.total.comparedTo(a.total) || a.providerName.localeCompare(b.providerName));
  const actual = sumDec(months.map((m) => m.actual));
  const planned = sumDec(months.map((m) => m.planned));
  const actualMonths = [...new Set(mine.filter((c) => c.source === "actual").map((c) => c.month.from.getTime()))]
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
  return { period, months, actual, planned, total: actual.plus(planned), byProvider, actualMonths };
}

/**
 * /costs' monthlySpend over the model's blocks (scenario applied) and the billing inputs, split into the two periods;
 * blocks in other currencies priced in USD as /costs prices them (lib/metrics/fx.ts blocksInUsd).
 */
export function buildSpend(model: readonly PlanningBlock[], inputs: SpendInputs, asOf: Date, rates: FxRates): SpendSection {
  const { toDate, forecast } = spendPeriods(asOf);
  const blocks = blocksInUsd(model, rates).blocks;
  const cells = monthlySpend({
    months: filterMonths({ from: toDate.from, to: forecast.to }),
    blocks,
    usedAh: inputs.usedAh,
    actual: inputs.groups,
    billed: inputs.billed,
    usageThrough: startOfUtcMonth(asOf),
    currency: MONEY_CURRENCY,
  });
  return {
    currency: MONEY_CURRENCY,
    toDate: periodSection(toDate, cells),
    forecast: periodSection(forecast, cells),
    unconverted: unconverted(
      model.filter((b) => b.startAt < forecast.to && b.endAt > toDate.from),
      rates,
    ),
  };
}
