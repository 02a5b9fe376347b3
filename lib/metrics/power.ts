import { dec, Dec, type DecimalValue } from "./decimal";
import { contains } from "./period";

export type PowerLoad = { quantity: number; systemW: number; startAt: Date; endAt: Date };
export type PowerBudget = { effectiveFrom: Date; effectiveTo: Date | null; contractedMw: DecimalValue };

/** IT MW(t) = Σ quantity × system W ÷ 10⁶ over the loads whose [start, end) contains t. */
export function itMw(loads: readonly PowerLoad[], t: Date): Dec {
  // Integer watts stay exact as JS numbers far beyond any fleet (2⁵³ W ≈ 9 × 10⁹ MW).
  let watts = 0;
  for (const l of loads) if (contains(l.startAt, l.endAt, t)) watts += l.quantity * l.systemW;
  return new Dec(watts).div(1_000_000);
}

/** facility MW = IT MW × PUE. */
export function facilityMw(it: DecimalValue, pue: DecimalValue): Dec {
  return dec(it).times(pue);
}

/** Contracted MW in force at t (half-open [from, to), null to = open); the latest-starting one wins on overlap; 0 when none. */
export function budgetMwAt(budgets: readonly PowerBudget[], t: Date): Dec {
  let best: PowerBudget | null = null;
  for (const b of budgets) {
    const end = b.effectiveTo ?? new Date(8.64e15);
    if (!contains(b.effectiveFrom, end, t)) continue;
    if (!best || b.effectiveFrom > best.effectiveFrom) best = b;
  }
  return best ? dec(best.contractedMw) : new Dec(0);
}

/** headroom = budget MW − facility MW. */
export function headroomMw(budget: DecimalValue, facility: DecimalValue): Dec {
  return dec(budget).minus(facility);
}

export function isOverBudget(headroom: DecimalValue): boolean {
  return dec(headroom).isNegative() && !dec(headroom).isZero();
}
