import type { Dec } from "@/lib/metrics/decimal";
import {
  breakEvenUtilization,
  capexPerHour,
  cheaperAt,
  costCurve,
  leasedPerUsefulAh,
  ownedPerUsefulAh,
  powerPerAh,
  termCost,
  type BreakEven,
  type CurvePoint,
  type TermCost,
  type Verdict,
} from "@/lib/metrics/lease-vs-build";
import type { ResolvedLease } from "./params";

export type LeaseResult = {
  owned: Dec;
  leased: Dec;
  cheaper: Verdict;
  breakEven: BreakEven;
  term: TermCost;
  curve: CurvePoint[];
  capexPerHour: Dec;
  powerPerAh: Dec;
};

/** Everything the calculator shows, from resolved inputs; null while an input is invalid. */
export function leaseResult(r: ResolvedLease): LeaseResult | null {
  if (!r.input) return null;
  return {
    owned: ownedPerUsefulAh(r.input, r.utilization),
    leased: leasedPerUsefulAh(r.input, r.utilization),
    cheaper: cheaperAt(r.input, r.utilization),
    breakEven: breakEvenUtilization(r.input),
    term: termCost(r.input, r.utilization, r.quantity),
    curve: costCurve(r.input),
    capexPerHour: capexPerHour(r.input),
    powerPerAh: powerPerAh(r.input),
  };
}

const pct = (u: Dec) => `${u.times(100).toDecimalPlaces(1).toString()} %`;

/** The break-even in words, for the utilizations that can happen (0–100 %). */
export function breakEvenSentence(be: BreakEven): string {
  if (be.ownedCheaper === "always")
    return "Building is cheaper at every utilization: owning costs nothing per hour used beyond capex, and capex per hour is below the leased rate.";
  if (be.ownedCheaper === "never") return "Leasing is cheaper at every utilization.";
  if (be.ownedCheaper === "equal") return "Both cost the same at every utilization.";
  const u = be.utilization!;
  if (be.ownedCheaper === "below") {
    if (u.greaterThanOrEqualTo(1))
      return `Building is cheaper at every utilization up to 100 % (break-even at ${pct(u)}, beyond full use).`;
    if (u.lessThanOrEqualTo(0)) return "Leasing is cheaper at every utilization (capex per hour alone exceeds the leased rate).";
    return `Break-even at ${pct(u)} utilization: building is cheaper below it, leasing above it.`;
  }
  if (u.greaterThan(1)) return `Leasing is cheaper at every utilization up to 100 % (break-even at ${pct(u)}, beyond full use).`;
  return `Break-even at ${pct(u)} utilization: building is cheaper above it, leasing below it.`;
}
