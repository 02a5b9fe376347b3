import { addUtcMonths, startOfUtcMonth } from "./calendar";
import { dec, Dec, sumDec, type DecimalValue } from "./decimal";

export type CostSource = "actual" | "planned";

/** Cost consumed in one calendar month of the term (only the part before asOf), and where it came from. */
export type ConsumedMonth = { month: Date; amount: DecimalValue; source: CostSource };

export type BurndownInput = {
  committed: DecimalValue;
  /** Term [start, end), UTC. */
  start: Date;
  end: Date;
  asOf: Date;
  months: readonly ConsumedMonth[];
  /** Calendar months (counting the current one) whose consumption sets the run-rate. */
  runRateMonths?: number;
};

export type BurndownPoint = {
  at: Date;
  committed: Dec;
  expected: Dec;
  /** Cumulative consumption at `at`; null after asOf. */
  consumed: Dec | null;
  /** Run-rate projection from asOf; null before asOf. */
  projected: Dec | null;
};

export type Burndown = {
  committed: Dec;
  consumed: Dec;
  expected: Dec;
  /** Share of the term elapsed at asOf, 0–1. */
  elapsed: Dec;
  /** Cost per day over the run-rate window; null before the term starts. */
  runRatePerDay: Dec | null;
  projected: Dec | null;
  shortfall: Dec | null;
  overrun: Dec | null;
  sources: CostSource[];
  points: BurndownPoint[];
};

const DAY_MS = 86_400_000;

function days(from: Date, to: Date): Dec {
  return new Dec(Math.max(0, to.getTime() - from.getTime())).div(DAY_MS);
}

const clamp = (t: Date, from: Date, to: Date) => new Date(Math.min(Math.max(t.getTime(), from.getTime()), to.getTime()));

/**
 * Contract burn-down (PRODUCT.md §3): consumed(t) = Σ cost mapped to the contract up to t; expected(t) =
 * committed × elapsed ÷ term; projected at end = consumed + recent run-rate × remaining time;
 * shortfall = max(0, committed − projected), overrun = max(0, projected − committed).
 * The run-rate is what the last `runRateMonths` calendar months (the current partial one included,
 * clipped to the term) consumed, per day of that window.
 */
export function burndown(input: BurndownInput): Burndown {
  const committed = dec(input.committed);
  const { start, end } = input;
  const now = clamp(input.asOf, start, end);
  const term = days(start, end);
  const inTerm = input.months.filter((m) => m.month < now && addUtcMonths(m.month, 1) > start);
  const consumedBy = (t: Date) => (t <= start ? new Dec(0) : sumDec(inTerm.filter((m) => m.month < t).map((m) => m.amount)));
  const consumed = consumedBy(now);
  const expectedAt = (t: Date) => (term.isZero() ? new Dec(0) : committed.times(days(start, clamp(t, start, end))).div(term));

  const windowStart = new Date(Math.max(start.getTime(), addUtcMonths(startOfUtcMonth(now), -((input.runRateMonths ?? 3) - 1)).getTime()));
  const windowDays = days(windowStart, now);
  const runRatePerDay = windowDays.isZero() ? null : consumed.minus(consumedBy(startOfUtcMonth(windowStart))).div(windowDays);
  const projectedAt = (t: Date) => (runRatePerDay === null ? null : consumed.plus(runRatePerDay.times(days(now, t))));
  const projected = projectedAt(end);

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
    runRatePerDay,
    projected,
    shortfall: projected === null ? null : Dec.max(0, committed.minus(projected)),
    overrun: projected === null ? null : Dec.max(0, projected.minus(committed)),
    sources: [...new Set(inTerm.map((m) => m.source))],
    points: marks.map((at) => ({
      at,
      committed,
      expected: expectedAt(at),
      consumed: at <= now ? consumedBy(at) : null,
      projected: at >= now ? projectedAt(at) : null,
    })),
  };
}
