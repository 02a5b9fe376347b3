import type { Burndown, ConsumedMonth } from "./burndown";
import { dec, Dec, sumDec, type DecimalValue } from "./decimal";
import type { Period } from "./period";

/** Actual spend to date in a period and the planned (or projected) spend of the rest of it. */
export type PeriodSpend = { actual: Dec; planned: Dec };

const within = (month: Date, p: Period) => month >= p.from && month < p.to;

/**
 * A team's or workload's money in a period from the showback's months (the Allocation page's figure, rounded to the
 * cent as it shows it): a month the showback marks billed ("actual", or "mixed": billed for some providers) counts
 * as actual, a month it marks "planned" (no provider billed) as the planned remainder — never both for one month.
 */
export function showbackPeriodSpend(
  months: readonly { month: Period; source: "actual" | "planned" | "mixed"; amount: DecimalValue }[],
  period: Period,
): PeriodSpend {
  const mine = months.filter((m) => within(m.month.from, period));
  return {
    actual: sumDec(mine.filter((m) => m.source !== "planned").map((m) => m.amount)),
    planned: sumDec(mine.filter((m) => m.source === "planned").map((m) => m.amount)),
  };
}

/**
 * A contract's money in a period from its burn-down (the contract page's): actual = its consumed months in the
 * period (billed where billed, planned otherwise, up to asOf); planned = the projection's growth over the rest of the
 * period inside the term, projected(min(period end, term end)) − projected(max(period start, asOf)) = scheduled +
 * other over that span. An ended contract projects nothing.
 */
export function contractPeriodSpend(b: Pick<Burndown, "ended" | "points">, months: readonly ConsumedMonth[], period: Period): PeriodSpend {
  const actual = sumDec(months.filter((m) => within(m.month, period)).map((m) => m.amount));
  const first = b.points[0];
  const last = b.points.at(-1);
  if (b.ended || !first || !last) return { actual, planned: new Dec(0) };
  const now = b.points.find((p) => p.projected !== null)?.at;
  if (!now) return { actual, planned: new Dec(0) };
  const lo = new Date(Math.max(period.from.getTime(), now.getTime()));
  const hi = new Date(Math.min(period.to.getTime(), last.at.getTime()));
  if (hi <= lo) return { actual, planned: new Dec(0) };
  const at = (t: Date) => {
    const point = b.points.find((p) => p.at.getTime() === t.getTime());
    if (!point?.projected) throw new Error(`The burn-down has no projection at ${t.toISOString()}.`);
    return point.projected;
  };
  return { actual, planned: dec(at(hi)).minus(at(lo)) };
}
