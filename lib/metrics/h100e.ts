import { dec, Dec, type DecimalValue } from "./decimal";

/** H100-equivalents = accelerators × h100_equivalent factor of their type. */
export function h100Equivalents(accelerators: DecimalValue, factor: DecimalValue): Dec {
  return dec(accelerators).times(factor);
}

/** A demand plan's size: its H100e when given, else accelerators × factor (the type's, else the family's, else 1). */
export function planH100e(plan: { h100Equivalents: DecimalValue | null; accelerators: number | null; factor: DecimalValue | null }): Dec {
  if (plan.h100Equivalents !== null) return dec(plan.h100Equivalents);
  return h100Equivalents(plan.accelerators ?? 0, plan.factor ?? 1);
}

/** NVIDIA H100 SXM peak dense BF16 TFLOPS (shared/data/accelerators.md): the unit of the H100-equivalent. */
export const H100_SXM_BF16_DENSE_TFLOPS = "989.4";

/** The nameplate h100_equivalent of a type: its peak dense BF16 TFLOPS ÷ the H100 SXM's, to 4 decimals (the column's scale). */
export function nameplateH100e(bf16Tflops: DecimalValue): Dec {
  return dec(bf16Tflops).div(H100_SXM_BF16_DENSE_TFLOPS).toDecimalPlaces(4, Dec.ROUND_HALF_UP);
}
