import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import { parseMonth, type RawSearchParams } from "@/lib/queries/filters/params";

/** Months the page reads at most (the chart draws one point a month). */
export const MAX_UNIT_MONTHS = 36;
export const DEFAULT_UNIT_MONTHS = 12;
export const UNIT_PRESETS = [6, 12, 24] as const;

export type UnitEconomicsRange = Period & { preset: number | null };

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /allocation/unit-economics?from=YYYY-MM&to=YYYY-MM (to: the last month shown) or ?months=6|12|24 (the complete
 * months before now's). Only complete months: `to` past the month before now's is brought back to it; anything
 * malformed, reversed or longer than MAX_UNIT_MONTHS gives the default, the last 12 complete months.
 */
export function parseUnitEconomicsRange(raw: RawSearchParams, now: Date): UnitEconomicsRange {
  const thisMonth = startOfUtcMonth(now);
  const last = (n: number): UnitEconomicsRange => ({ from: addUtcMonths(thisMonth, -n), to: thisMonth, preset: n });
  const from = parseMonth(firstOf(raw.from));
  const lastMonth = parseMonth(firstOf(raw.to));
  if (from && lastMonth) {
    const to = addUtcMonths(lastMonth, 1) < thisMonth ? addUtcMonths(lastMonth, 1) : thisMonth;
    const count = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
    if (count >= 1 && count <= MAX_UNIT_MONTHS) return { from, to, preset: null };
  }
  const months = Number(firstOf(raw.months));
  return last((UNIT_PRESETS as readonly number[]).includes(months) ? months : DEFAULT_UNIT_MONTHS);
}
