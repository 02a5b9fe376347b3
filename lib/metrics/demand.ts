import { dec, Dec, type DecimalValue } from "./decimal";
import { hoursIn, hoursInOverlap, type Period } from "./period";

/** Observed rate = used H100e·h ÷ hours observed, i.e. the average H100e in use; 0 with nothing observed. */
export function observedRate(usedH100eHours: DecimalValue, hoursObserved: DecimalValue): Dec {
  const hours = dec(hoursObserved);
  return hours.isZero() ? new Dec(0) : dec(usedH100eHours).div(hours);
}

/** First-version baseline: the observed rate held flat, H100e·h = rate × hours(month). */
export function flatBaseline(rate: DecimalValue, months: readonly Period[]): Dec[] {
  return months.map((m) => hoursIn(m).times(rate));
}

export type PlannedDemand = { h100e: DecimalValue; startAt: Date; endAt: Date };

/** Explicit plans, H100e·h per month = Σ H100e × hours(month ∩ [start, end)). */
export function plannedDemand(plans: readonly PlannedDemand[], months: readonly Period[]): Dec[] {
  return months.map((m) =>
    plans.reduce((sum, p) => sum.plus(hoursInOverlap(m, p.startAt, p.endAt).times(p.h100e)), new Dec(0)),
  );
}

export function addSeries(...series: readonly (readonly DecimalValue[])[]): Dec[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => series.reduce<Dec>((sum, s) => sum.plus(s[i] ?? 0), new Dec(0)));
}
