import { addUtcMonths, startOfUtcMonth } from "./calendar";
import { capacityAh, type Block } from "./capacity";
import { dec, Dec, sumDec, type DecimalValue } from "./decimal";
import { plannedCostAhead, type PricingModel } from "./planned-cost";

export type CostSource = "actual" | "planned";

/**
 * Cost consumed in one calendar month of the term (only the part before asOf), and where it came from. `other`, of
 * an actual month: the part of it tied to none of the contract's linked reservations (storage, egress, support …).
 */
export type ConsumedMonth = { month: Date; amount: DecimalValue; source: CostSource; other?: DecimalValue };

/** A reservation linked to the contract, as its scheduled cost needs it. */
export type ScheduledBlock = Block & { pricingModel: PricingModel; rate: DecimalValue };

export type BurndownInput = {
  committed: DecimalValue;
  /** Term [start, end), UTC. */
  start: Date;
  end: Date;
  asOf: Date;
  months: readonly ConsumedMonth[];
  /** The contract's linked reservations (in its currency). */
  blocks?: readonly ScheduledBlock[];
  /** Calendar months (counting the current one) whose other charges set their run-rate. */
  runRateMonths?: number;
};

export type BurndownPoint = {
  at: Date;
  committed: Dec;
  expected: Dec;
  /** Cumulative consumption at `at`; null after asOf. */
  consumed: Dec | null;
  /** consumed + scheduled + other up to `at`; null before asOf and for an ended contract. */
  projected: Dec | null;
};

export type Burndown = {
  committed: Dec;
  consumed: Dec;
  expected: Dec;
  /** Share of the term elapsed at asOf, 0–1. */
  elapsed: Dec;
  /** asOf is at or past the start of the term. */
  started: boolean;
  /** asOf is at or past the end of the term: no projection, the final position. */
  ended: boolean;
  /** Planned cost of the linked reservations from asOf to the end of the term (0 once ended). */
  scheduled: Dec;
  /** Other charges per day over the run-rate window's billed months; null when none was billed (or ended). */
  otherRatePerDay: Dec | null;
  /** Days from asOf to the end of the term. */
  daysLeft: Dec;
  /** otherRatePerDay × daysLeft (0 when there is no rate). */
  other: Dec;
  /** consumed + scheduled + other; null for an ended contract. */
  projected: Dec | null;
  /** Where the contract ends: projected, or the final consumed of an ended contract. */
  atEnd: Dec;
  /** max(0, committed − atEnd): the true-up risk (or the true-up owed, once ended). */
  shortfall: Dec;
  /** max(0, atEnd − committed). */
  overrun: Dec;
  sources: CostSource[];
  points: BurndownPoint[];
};

const DAY_MS = 86_400_000;

function days(from: Date, to: Date): Dec {
  return new Dec(Math.max(0, to.getTime() - from.getTime())).div(DAY_MS);
}

const clamp = (t: Date, from: Date, to: Date) => new Date(Math.min(Math.max(t.getTime(), from.getTime()), to.getTime()));
const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** Σ other charges ÷ days over the billed (actual) months of the window [from, to); null when none was billed. */
function otherRate(months: readonly ConsumedMonth[], from: Date, to: Date): Dec | null {
  let amount = new Dec(0);
  let span = new Dec(0);
  for (const m of months) {
    if (m.source !== "actual") continue;
    const lo = later(m.month, from);
    const hi = earlier(addUtcMonths(m.month, 1), to);
    if (hi <= lo) continue;
    amount = amount.plus(dec(m.other));
    span = span.plus(days(lo, hi));
  }
  return span.isZero() ? null : amount.div(span);
}

/**
 * Contract burn-down (PRODUCT.md §3): consumed(t) = Σ cost mapped to the contract up to t; expected(t) =
 * committed × elapsed ÷ term; projected at end = consumed + scheduled + other, where scheduled = the planned cost of
 * the linked reservations over the rest of the term (lib/metrics/planned-cost.ts, plannedCostAhead) and other = the
 * run-rate of the recent actual charges tied to none of them × time left. The run-rate window is the last
 * `runRateMonths` calendar months (the current partial one included, clipped to the term), counting only its months
 * with billing. shortfall = max(0, committed − projected), overrun = max(0, projected − committed). An ended contract
 * has no projection: shortfall and overrun are its final consumed against committed.
 */
export function burndown(input: BurndownInput): Burndown {
  const committed = dec(input.committed);
  const { start, end } = input;
  const now = clamp(input.asOf, start, end);
  const ended = input.asOf >= end;
  const term = days(start, end);
  const inTerm = input.months.filter((m) => m.month < now && addUtcMonths(m.month, 1) > start);
  const consumedBy = (t: Date) => (t <= start ? new Dec(0) : sumDec(inTerm.filter((m) => m.month < t).map((m) => m.amount)));
  const consumed = consumedBy(now);
  const expectedAt = (t: Date) => (term.isZero() ? new Dec(0) : committed.times(days(start, clamp(t, start, end))).div(term));

  const blocks = ended ? [] : (input.blocks ?? []);
  const rates = blocks.map((b) => dec(b.rate));
  const scheduledUntil = (t: Date) =>
    sumDec(
      blocks.map((b, i) =>
        plannedCostAhead({ pricingModel: b.pricingModel, rate: rates[i]!, capacityAh: capacityAh(b, { from: now, to: t }) }),
      ),
    );
  const windowStart = later(start, addUtcMonths(startOfUtcMonth(now), -((input.runRateMonths ?? 3) - 1)));
  const otherRatePerDay = ended ? null : otherRate(inTerm, windowStart, now);
  const otherUntil = (t: Date) => (otherRatePerDay === null ? new Dec(0) : otherRatePerDay.times(days(now, t)));
  const projectedAt = (t: Date) => consumed.plus(scheduledUntil(t)).plus(otherUntil(t));

  const scheduled = scheduledUntil(end);
  const other = otherUntil(end);
  const projected = ended ? null : consumed.plus(scheduled).plus(other);
  const atEnd = projected ?? consumed;

  const marks: Date[] = [start];
  for (let m = addUtcMonths(startOfUtcMonth(start), 1); m < end; m = addUtcMonths(m, 1)) marks.push(m);
  marks.push(end);
  if (!marks.some((m) => m.getTime() === now.getTime())) marks.push(now);
  marks.sort((a, b) => a.getTime() - b.getTime());

  return {
    committed,
    consumed,
    expected: expectedAt(now),
    elapsed: term.isZero() ? new Dec(0) : days(start, now).div(term),
    started: input.asOf >= start,
    ended,
    scheduled,
    otherRatePerDay,
    daysLeft: days(now, end),
    other,
    projected,
    atEnd,
    shortfall: Dec.max(0, committed.minus(atEnd)),
    overrun: Dec.max(0, atEnd.minus(committed)),
    sources: [...new Set(inTerm.map((m) => m.source))],
    points: marks.map((at) => ({
      at,
      committed,
      expected: expectedAt(at),
      consumed: at <= now ? consumedBy(at) : null,
      projected: !ended && at >= now ? projectedAt(at) : null,
    })),
  };
}

export type BurndownCents = { consumed: Dec; expected: Dec; scheduled: Dec; other: Dec; projected: Dec; shortfall: Dec; overrun: Dec };

/**
 * The burn-down's money to the cent (half up), rounded so the identities hold on the rounded values, as exports and
 * the contract list show them: projected = consumed + scheduled + other, shortfall = max(0, committed − projected),
 * overrun = max(0, projected − committed), each to the cent (a commitment may carry more decimals). For an ended contract scheduled and other are 0: projected is the final
 * consumed.
 */
export function burndownInCents(b: Burndown): BurndownCents {
  const cents = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const consumed = cents(b.consumed);
  const scheduled = cents(b.scheduled);
  const other = cents(b.other);
  const projected = consumed.plus(scheduled).plus(other);
  return {
    consumed,
    expected: cents(b.expected),
    scheduled,
    other,
    projected,
    shortfall: cents(Dec.max(0, b.committed.minus(projected))),
    overrun: cents(Dec.max(0, projected.minus(b.committed))),
  };
}
