import { capacityAh, type Block } from "./capacity";
import { Dec, sumDec, type DecimalValue } from "./decimal";
import type { Period } from "./period";

/** What a use budget counts: accelerator-hours, or H100-equivalent hours (AH × the type's h100_equivalent). */
export type UseUnit = "ah" | "h100e_h";

/** How many days before today the recent utilization of a use forecast looks at. */
export const RECENT_USE_DAYS = 14;

/** A block's (or an allocation's) measured hours: capacity and use, with its H100-equivalent factor. */
export type MeasuredUse = { capacityAh: DecimalValue; usedAh: DecimalValue; h100eFactor: DecimalValue };

/** A block (or allocation) of the scope with capacity in the period. */
export type ScopeBlock = Block & { h100eFactor: DecimalValue };

export type UseFigures = {
  actual: Dec;
  /** Forecast use from `rest.from` to the period's end: the scope's capacity there × its recent utilization. */
  remainder: Dec;
  /** Σ used ÷ Σ capacity of the measured blocks over the recent window, in the unit; null when none was measured. */
  recentUtilization: Dec | null;
};

const inUnit = (unit: UseUnit, ah: DecimalValue, factor: DecimalValue) => (unit === "ah" ? new Dec(ah) : new Dec(ah).times(factor));

/**
 * A use budget's figures in one period (PRODUCT.md §3 budgets, in AH or H100e·h). actual = Σ used AH of the scope's
 * measured blocks in the period up to today (× h100_equivalent for H100e·h): `measured` is the Utilization page's
 * per-block figures for the period. forecast remainder = Σ capacity_AH of the scope's blocks over `rest` (from today to
 * the period's end; null when the period is over) × the scope's recent utilization, i.e. Σ used ÷ Σ capacity of its
 * blocks measured in the RECENT_USE_DAYS days before today (each weighted by its factor for H100e·h; unmeasured blocks
 * are left out of the ratio, as everywhere). No measured block recently: no forecast use (remainder 0).
 */
export function usageBudgetFigures(input: {
  unit: UseUnit;
  measured: readonly Pick<MeasuredUse, "usedAh" | "h100eFactor">[];
  recent: readonly MeasuredUse[];
  blocks: readonly ScopeBlock[];
  rest: Period | null;
}): UseFigures {
  const { unit } = input;
  const actual = sumDec(input.measured.map((m) => inUnit(unit, m.usedAh, m.h100eFactor)));
  const recentCapacity = sumDec(input.recent.map((m) => inUnit(unit, m.capacityAh, m.h100eFactor)));
  const recentUsed = sumDec(input.recent.map((m) => inUnit(unit, m.usedAh, m.h100eFactor)));
  const recentUtilization = recentCapacity.gt(0) ? recentUsed.div(recentCapacity) : null;
  const rest = input.rest;
  const ahead =
    rest && rest.to > rest.from ? sumDec(input.blocks.map((b) => inUnit(unit, capacityAh(b, rest), b.h100eFactor))) : new Dec(0);
  return { actual, remainder: recentUtilization ? ahead.times(recentUtilization) : new Dec(0), recentUtilization };
}
