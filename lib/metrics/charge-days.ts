import { Dec, type DecimalValue } from "./decimal";

const DAY_MS = 86_400_000;

/**
 * A charge spread evenly over the UTC days its ChargePeriod covers (a monthly storage charge: 1/30 a day in a 30-day
 * month), clipped to [from, to): the day index (from `from`, midnight UTC) → its exact share.
 */
export function chargeByDay(cost: DecimalValue, start: Date, end: Date, from: Date, to: Date): Map<number, Dec> {
  const out = new Map<number, Dec>();
  const span = end.getTime() - start.getTime();
  if (span <= 0) {
    const i = Math.floor((start.getTime() - from.getTime()) / DAY_MS);
    if (start >= from && start < to) out.set(i, new Dec(cost));
    return out;
  }
  const first = Math.max(start.getTime(), from.getTime());
  const last = Math.min(end.getTime(), to.getTime());
  for (let t = Math.floor((first - from.getTime()) / DAY_MS) * DAY_MS + from.getTime(); t < last; t += DAY_MS) {
    const overlap = Math.min(last, t + DAY_MS) - Math.max(first, t);
    if (overlap <= 0) continue;
    out.set((t - from.getTime()) / DAY_MS, new Dec(cost).times(overlap).div(span));
  }
  return out;
}
