import { dec, Dec, type DecimalValue } from "./decimal";

// Exact fixed-point arithmetic for the hot loops (block × month): a decimal value becomes an integer n and a scale s
// (value = n ÷ 10^s), sums and products of such integers are exact BigInt arithmetic, and one Decimal division at the
// end turns a sum back into a Dec. The result equals the exact rational rounded once to Dec's 40 significant digits.

export type Scaled = { n: bigint; scale: number };

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal value as n ÷ 10^scale, exactly (trailing fractional zeros kept off the scale). */
export function toScaled(value: DecimalValue | null | undefined): Scaled {
  if (typeof value === "number" && Number.isSafeInteger(value)) return { n: BigInt(value), scale: 0 };
  const text = typeof value === "string" && PLAIN.test(value) ? value : dec(value).toFixed();
  const m = PLAIN.exec(text);
  if (!m) throw new Error(`Not a finite decimal: ${String(value)}`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const n = BigInt(`${m[1]}${m[2]}${frac}`);
  return { n, scale: frac.length };
}

const POW10: bigint[] = [];
/** 10^k as a BigInt (cached). */
export function pow10(k: number): bigint {
  return (POW10[k] ??= 10n ** BigInt(k));
}

/** n rescaled from `from` to a larger or equal scale `to`. */
export function rescale(n: bigint, from: number, to: number): bigint {
  return from === to ? n : n * pow10(to - from);
}

/** numerator ÷ denominator as a Dec, rounded once to Dec's precision. */
export function ratio(numerator: bigint, denominator: bigint): Dec {
  if (denominator === 1n) return new Dec(numerator.toString());
  return new Dec(numerator.toString()).div(denominator.toString());
}
