import { Dec } from "./decimal";
import { MS_PER_HOUR } from "./exact";

/** Half-open [from, to) in UTC. */
export type Period = { from: Date; to: Date };

/** Hours of period ∩ [start, end); zero when they do not meet. */
export function hoursInOverlap(period: Period, start: Date, end: Date): Dec {
  const from = Math.max(period.from.getTime(), start.getTime());
  const to = Math.min(period.to.getTime(), end.getTime());
  if (to <= from) return new Dec(0);
  const ms = to - from;
  return ms % MS_PER_HOUR === 0 ? new Dec(ms / MS_PER_HOUR) : new Dec(ms).div(MS_PER_HOUR);
}

export function hoursIn(period: Period): Dec {
  return hoursInOverlap(period, period.from, period.to);
}

export function contains(start: Date, end: Date, t: Date): boolean {
  return start.getTime() <= t.getTime() && t.getTime() < end.getTime();
}
