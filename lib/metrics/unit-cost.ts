import { dec, Dec, sumDec, type DecimalValue } from "./decimal";

const ratio = (part: DecimalValue, whole: Dec): Dec | null => (whole.isZero() ? null : dec(part).div(whole));

/** effective rate = cost ÷ used_AH: $ per useful accelerator-hour. Null when nothing was used. */
export function effectiveRate(cost: DecimalValue, usedAh: DecimalValue): Dec | null {
  return ratio(cost, dec(usedAh));
}

/** Price per accelerator-hour held = cost ÷ capacity_AH (what the rate would be at 100 % utilization). */
export function heldRate(cost: DecimalValue, capacityAh: DecimalValue): Dec | null {
  return ratio(cost, dec(capacityAh));
}

/** Used accelerator-hours of one accelerator type, with the type's figures the normalized rates need. */
export type TypeUsage = {
  usedAh: DecimalValue;
  bf16Tflops: DecimalValue;
  h100Equivalent: DecimalValue;
  tokensPerSecond: DecimalValue | null;
};

export type UnitCosts = {
  usedAh: Dec;
  usedH100eHours: Dec;
  usedPflopHours: Dec;
  /** Millions of tokens the used hours produce under the workload profile; null when a type has no tokens/s. */
  millionTokens: Dec | null;
  effectiveRate: Dec | null;
  perH100eHour: Dec | null;
  perPflopHour: Dec | null;
  perMillionTokens: Dec | null;
};

/** Used hours in each unit a rate is quoted in; millionTokens null when a used type has no tokens/s. */
type UsedHours = Pick<UnitCosts, "usedAh" | "usedH100eHours" | "usedPflopHours" | "millionTokens">;

/** cost ÷ each of the used hours; null where they are zero or unknown. */
export function unitCostsOver(cost: DecimalValue, hours: UsedHours): UnitCosts {
  return {
    ...hours,
    effectiveRate: ratio(cost, hours.usedAh),
    perH100eHour: ratio(cost, hours.usedH100eHours),
    perPflopHour: ratio(cost, hours.usedPflopHours),
    perMillionTokens: hours.millionTokens === null ? null : ratio(cost, hours.millionTokens),
  };
}

/**
 * The unit costs of one cost spread over the used hours of one or more accelerator types: cost ÷ used AH,
 * cost ÷ used H100e·h, cost ÷ used PFLOP-h (Σ used_AH × TFLOPS ÷ 1000) and cost ÷ millions of tokens
 * (Σ used_AH × tokens/s × 3600 ÷ 10⁶). For a single type these are PRODUCT.md §3's effective rate ÷ h100_equivalent,
 * ÷ (peak BF16 TFLOPS ÷ 1000) and ÷ (tokens/s × 3600 ÷ 10⁶).
 */
export function unitCosts(cost: DecimalValue, usage: readonly TypeUsage[]): UnitCosts {
  const usedAh = sumDec(usage.map((u) => u.usedAh));
  const usedH100eHours = sumDec(usage.map((u) => dec(u.usedAh).times(u.h100Equivalent)));
  const usedPflopHours = sumDec(usage.map((u) => dec(u.usedAh).times(u.bf16Tflops).div(1000)));
  const tokensKnown = usage.every((u) => u.tokensPerSecond !== null || dec(u.usedAh).isZero());
  const millionTokens = tokensKnown
    ? sumDec(
        usage.map((u) => (u.tokensPerSecond === null ? new Dec(0) : dec(u.usedAh).times(u.tokensPerSecond).times(3600).div(1_000_000))),
      )
    : null;
  return unitCostsOver(cost, { usedAh, usedH100eHours, usedPflopHours, millionTokens });
}
