import { dec, type Dec, type DecimalValue } from "./decimal";

export type PlanCostMove = {
  saved: Dec;
  now: Dec;
  delta: Dec;
  /** delta ÷ saved × 100; null when the saved cost was 0. */ pct: Dec | null;
};

/** How a saved procurement plan's committed cost moved: the same inputs solved again now against when it was saved. */
export function planCostMove(saved: DecimalValue, now: DecimalValue): PlanCostMove {
  const s = dec(saved);
  const n = dec(now);
  const delta = n.minus(s);
  return { saved: s, now: n, delta, pct: s.isZero() ? null : delta.times(100).div(s) };
}

/**
 * Moved by more than `pct` % either way (|delta| × 100 > pct × saved, compared exactly: 10 % of 1,000 is not crossed at
 * 1,100 and is at 1,100.01). From a saved cost of 0, any change counts.
 */
export function planCostMovedBeyond(move: PlanCostMove, pct: DecimalValue): boolean {
  if (move.saved.isZero()) return !move.delta.isZero();
  return move.delta.abs().times(100).gt(move.saved.abs().times(pct));
}
