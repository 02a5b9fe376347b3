import { dec, Dec, type DecimalValue } from "./decimal";

export const HOURS_PER_YEAR = 8760;

/** How the leased rate is billed: every hour of the term (a reservation) or only the hours used (on demand). */
export type LeaseBilling = "reserved" | "usage";

export type LeaseVsBuildInput = {
  capexPerAccelerator: DecimalValue;
  facilityCapexPerAccelerator: DecimalValue;
  depreciationYears: DecimalValue;
  systemW: DecimalValue;
  pue: DecimalValue;
  powerUsdPerMwh: DecimalValue;
  opexPerAh: DecimalValue;
  leasedRate: DecimalValue;
  leaseBilling: LeaseBilling;
};

/** The facility capex share of one accelerator: build cost per W of IT load × the accelerator's system W. */
export function facilityCapexShare(perW: DecimalValue, systemW: DecimalValue): Dec {
  return dec(perW).times(systemW);
}

/** Capex per hour of the depreciation term: (capex + facility share) ÷ (years × 8,760). */
export function capexPerHour(i: LeaseVsBuildInput): Dec {
  return dec(i.capexPerAccelerator).plus(i.facilityCapexPerAccelerator).div(dec(i.depreciationYears).times(HOURS_PER_YEAR));
}

/** Power per accelerator-hour: system W × PUE × $/MWh ÷ 10⁶. */
export function powerPerAh(i: Pick<LeaseVsBuildInput, "systemW" | "pue" | "powerUsdPerMwh">): Dec {
  return dec(i.systemW).times(i.pue).times(i.powerUsdPerMwh).div(1_000_000);
}

/** The per-used-hour part of owning: power + opex per AH. */
export function runningPerAh(i: LeaseVsBuildInput): Dec {
  return powerPerAh(i).plus(i.opexPerAh);
}

/** Owned $ per useful AH = capex per hour ÷ utilization + power + opex. */
export function ownedPerUsefulAh(i: LeaseVsBuildInput, utilization: DecimalValue): Dec {
  return capexPerHour(i).div(utilization).plus(runningPerAh(i));
}

/** Leased $ per useful AH: a reserved rate is paid for idle hours too (rate ÷ utilization); an on-demand rate only when used. */
export function leasedPerUsefulAh(i: LeaseVsBuildInput, utilization: DecimalValue): Dec {
  return i.leaseBilling === "reserved" ? dec(i.leasedRate).div(utilization) : dec(i.leasedRate);
}

export type BreakEven = {
  /** The utilization at which both cost the same per useful AH (may lie outside 0–100 %); null when the lines never meet. */
  utilization: Dec | null;
  /** Which side of the break-even owning is cheaper on. */
  ownedCheaper: "below" | "above" | "always" | "never" | "equal";
};

/**
 * Closed form. Let A = capex per hour, B = power + opex per AH, L = leased rate, u = utilization.
 * Reserved lease: A ÷ u + B = L ÷ u ⇔ A + B·u = L ⇔ u* = (L − A) ÷ B; owning is cheaper below u*.
 * On-demand lease: A ÷ u + B = L ⇔ u* = A ÷ (L − B); owning is cheaper above u* (never when L ≤ B).
 */
export function breakEvenUtilization(i: LeaseVsBuildInput): BreakEven {
  const a = capexPerHour(i);
  const b = runningPerAh(i);
  const l = dec(i.leasedRate);
  if (i.leaseBilling === "reserved") {
    if (b.isZero()) return { utilization: null, ownedCheaper: a.lessThan(l) ? "always" : a.equals(l) ? "equal" : "never" };
    return { utilization: l.minus(a).div(b), ownedCheaper: "below" };
  }
  const margin = l.minus(b);
  if (margin.lessThanOrEqualTo(0)) return { utilization: null, ownedCheaper: margin.isZero() && a.isZero() ? "equal" : "never" };
  return { utilization: a.div(margin), ownedCheaper: "above" };
}

export type Verdict = "owned" | "leased" | "equal";

/** The cheaper option per useful AH at this utilization. */
export function cheaperAt(i: LeaseVsBuildInput, utilization: DecimalValue): Verdict {
  const cmp = ownedPerUsefulAh(i, utilization).comparedTo(leasedPerUsefulAh(i, utilization));
  return cmp < 0 ? "owned" : cmp > 0 ? "leased" : "equal";
}

export type TermCost = { hours: Dec; usefulAh: Dec; owned: Dec; leased: Dec };

/** Totals over the depreciation term for `quantity` accelerators: hours = years × 8,760; useful AH = hours × u × quantity. */
export function termCost(i: LeaseVsBuildInput, utilization: DecimalValue, quantity: DecimalValue): TermCost {
  const hours = dec(i.depreciationYears).times(HOURS_PER_YEAR);
  const usefulAh = hours.times(utilization).times(quantity);
  return {
    hours,
    usefulAh,
    owned: ownedPerUsefulAh(i, utilization).times(usefulAh),
    leased: leasedPerUsefulAh(i, utilization).times(usefulAh),
  };
}

export type CurvePoint = { utilization: Dec; owned: Dec; leased: Dec };

/** Cost per useful AH of both options at utilizations step, 2·step, … 1 (e.g. step 0.05 → 20 points). */
export function costCurve(i: LeaseVsBuildInput, step: DecimalValue = "0.05"): CurvePoint[] {
  const s = dec(step);
  const points: CurvePoint[] = [];
  for (let u = s; u.lessThanOrEqualTo(1); u = u.plus(s)) {
    points.push({ utilization: u, owned: ownedPerUsefulAh(i, u), leased: leasedPerUsefulAh(i, u) });
  }
  return points;
}

/** The median of a set of rates: the middle value, or the mean of the two middle values; null when empty. */
export function medianRate(values: readonly DecimalValue[]): Dec | null {
  if (values.length === 0) return null;
  const sorted = values.map((v) => dec(v)).sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}
