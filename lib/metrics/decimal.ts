import Decimal from "decimal.js";

// 40 significant digits: numeric(24,10) sums never round (decimal.js defaults to 20).
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;
export type DecimalValue = Decimal.Value;

export function dec(value: DecimalValue | null | undefined): Dec {
  return new Dec(value ?? 0);
}

export function sumDec(values: Iterable<DecimalValue>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}
