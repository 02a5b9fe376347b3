import { dec, Dec, type DecimalValue } from "./decimal";

// PRODUCT.md §3 "unit economics": actual $ per 1M tokens of a workload in a month = its cost ÷ tokens × 10⁶, where
// the cost is the workload's own cost on the showback (used + idle cost of its allocations, cost of blocks that
// reported no use, and charges a rule gives it — lib/metrics/showback.ts ownCost); the free pool its team is given
// is shared, shown on the showback as its own column, and not part of it. Tokens are the business metric of the
// workload's kind: tokens_served for inference, training_tokens for training.

export const TOKEN_METRIC = { inference: "tokens_served", training: "training_tokens" } as const;
export type TokenKind = keyof typeof TOKEN_METRIC;

const MILLION = new Dec(1_000_000);

/** cost ÷ tokens × 10⁶; null when tokens are missing or not positive (never a division by zero). */
export function costPerMillionTokens(cost: DecimalValue, tokens: DecimalValue | null | undefined): Dec | null {
  if (tokens === null || tokens === undefined) return null;
  const t = dec(tokens);
  return t.gt(0) ? dec(cost).div(t).times(MILLION) : null;
}

export type TokenMonth = {
  /** First day of the month, UTC. */
  month: Date;
  daysInMonth: number;
  cost: Dec;
  /** Σ daily values reported in the month; null when no day was reported. */
  tokens: Dec | null;
  daysReported: number;
};

export type UnitMonth = TokenMonth & {
  perMillion: Dec | null;
  /** Every day of the month reported: the month's $ per 1M tokens is comparable with the others (a gap is not 0). */
  fullyReported: boolean;
};

export function unitMonths(months: readonly TokenMonth[]): UnitMonth[] {
  return months.map((m) => ({
    ...m,
    perMillion: costPerMillionTokens(m.cost, m.tokens),
    fullyReported: m.tokens !== null && m.daysReported >= m.daysInMonth,
  }));
}

export type CostUpTokensDown = {
  previous: UnitMonth;
  last: UnitMonth;
  costPerDay: { previous: Dec; last: Dec };
  tokensPerDay: { previous: Dec; last: Dec };
};

/**
 * "Cost rises while tokens fall": over the last two months given (complete months, oldest first), both reported on
 * every day, the cost per day is up or unchanged and the tokens per day are down. Per day, because months differ in
 * length: a block that costs the same every hour costs less in a 30-day month than in a 31-day one, which is not a
 * fall in cost. Unchanged counts: paying the same for fewer tokens is the case to catch (reserved capacity does not
 * shrink when traffic does). Null when the workload is not in that case or the two months cannot be compared.
 */
export function costUpTokensDown(months: readonly UnitMonth[]): CostUpTokensDown | null {
  if (months.length < 2) return null;
  const previous = months[months.length - 2]!;
  const last = months[months.length - 1]!;
  if (!previous.fullyReported || !last.fullyReported) return null;
  const costPerDay = { previous: previous.cost.div(previous.daysInMonth), last: last.cost.div(last.daysInMonth) };
  const tokensPerDay = { previous: previous.tokens!.div(previous.daysInMonth), last: last.tokens!.div(last.daysInMonth) };
  if (costPerDay.last.gte(costPerDay.previous) && tokensPerDay.last.lt(tokensPerDay.previous) && last.cost.gt(0))
    return { previous, last, costPerDay, tokensPerDay };
  return null;
}

/** Accelerator-hours a workload held on one family in a month, and that family's tokens per second in the profile. */
export type FamilyHold = { allocatedAh: DecimalValue; tokensPerSecond: DecimalValue | null };

/**
 * The profile estimate the Costs page makes (lib/metrics/unit-cost.ts: cost ÷ used AH × tokens/s × 3600 ÷ 10⁶), for
 * one workload-month: its used AH spread over the families it holds in proportion to the AH it holds on each.
 * Null when nothing was used, a held family has no tokens/s, or part of its cost is on blocks that reported no use
 * (the estimate would put that cost on no tokens).
 */
export function profilePerMillion(input: {
  cost: DecimalValue;
  usedAh: DecimalValue;
  unmeasuredCost: DecimalValue;
  holds: readonly FamilyHold[];
}): Dec | null {
  const used = dec(input.usedAh);
  if (used.lte(0) || !dec(input.unmeasuredCost).isZero()) return null;
  const held = input.holds.filter((h) => dec(h.allocatedAh).gt(0));
  const total = held.reduce((s, h) => s.plus(h.allocatedAh), new Dec(0));
  if (total.isZero() || held.some((h) => h.tokensPerSecond === null)) return null;
  const tokens = held.reduce((s, h) => s.plus(used.times(h.allocatedAh).div(total).times(h.tokensPerSecond!).times(3600)), new Dec(0));
  return costPerMillionTokens(input.cost, tokens);
}
