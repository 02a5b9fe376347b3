import { dec, Dec, type DecimalValue } from "./decimal";

// Exact fixed-point arithmetic for the hot loops (block × month): a decimal value becomes an integer n and a scale s
// (value = n ÷ 10^s), sums and products of such integers are exact BigInt arithmetic, and one Decimal division at the
// end turns a sum back into a Dec. The result equals the exact rational rounded once to Dec's 40 significant digits.

export type Scaled = { n: bigint; scale: number };

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal value as n ÷ 10^scale, exactly (trailing fractional zeros kept off the scale). */
export function toScaled(value: DecimalValue | null | undefined): Scaled {
  if (typeof value === "number" && Number.isSafeInteger(value)) return { n: BigInt(value), scale: 0 };
  const text = typeof value === "string" && PLAIN.test(value) ? value : Dec.isDecimal(value) ? value.toFixed() : dec(value).toFixed();
  const m = PLAIN.exec(text);
  if (!m) throw new Error(`Not a finite decimal: ${String(value)}`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const n = BigInt(`${m[1]}${m[2]}${frac}`);
  return { n, scale: frac.length };
}

// Decimals are immutable, so a Dec's scaled form can be kept: pages pass the same block's value to several groupings.
const scaledDecs = new WeakMap<object, Scaled>();

/** Records a Dec's scaled form when the caller built the Dec from it (so toScaledCached need not read the Dec back). */
export function rememberScaled(value: Dec, scaled: Scaled): Dec {
  scaledDecs.set(value, scaled);
  return value;
}

/** toScaled, remembered per Dec object. */
export function toScaledCached(value: DecimalValue): Scaled {
  if (typeof value !== "object" || value === null) return toScaled(value);
  let s = scaledDecs.get(value);
  if (!s) scaledDecs.set(value, (s = toScaled(value)));
  return s;
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
  const d = denominator.toString();
  if (/^10*$/.test(d) && numerator.toString().length <= 40) return new Dec(`${numerator}e-${d.length - 1}`); // a power of ten: exact, no division
  return new Dec(numerator.toString()).div(d);
}

/** Plain numbers stand for exact integers only up to this magnitude (so a sum of two stays below 2^53). */
export const SMALL_LIMIT = 2 ** 51;

/** An exact integer: a plain number (an integer of magnitude ≤ SMALL_LIMIT) or a BigInt. */
export type Int = number | bigint;

function small(x: number): boolean {
  return x <= SMALL_LIMIT && x >= -SMALL_LIMIT;
}

/** 10^k as an exact Int (a plain number up to 10^15). */
export function pow10Int(k: number): Int {
  return k <= 15 ? 10 ** k : pow10(k);
}

/** a × b, exactly: a plain number while the product fits, else a BigInt. */
export function mulInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    if (small(p)) return p; // |true product| ≤ 2^51 (1 + 2^-52) < 2^53, so the double is exact
  }
  return BigInt(a) * BigInt(b);
}

/** a − b, exactly. */
export function subInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const d = a - b;
    if (small(d)) return d;
  }
  return BigInt(a) - BigInt(b);
}

/** A decimal string or number as n ÷ 10^scale with n a plain number when it fits (the rollups' numeric text). */
export function toScaledInt(value: DecimalValue | null | undefined): { n: Int; scale: number } {
  if (typeof value === "string" && value.length <= 16 && PLAIN.test(value)) {
    // ≤ 16 characters: at most 15 digits, so Number() reads them exactly. No regex captures: this runs per rollup row.
    const dot = value.indexOf(".");
    if (dot < 0) return { n: Number(value), scale: 0 };
    let end = value.length;
    while (end > dot + 1 && value.charCodeAt(end - 1) === 48) end--; // trailing zeros kept off the scale
    return { n: Number(value.slice(0, dot) + value.slice(dot + 1, end)), scale: end - dot - 1 };
  }
  const s = toScaled(value);
  return { n: small(Number(s.n)) ? Number(s.n) : s.n, scale: s.scale };
}

/** The digits after the point of a decimal text (exponent notation read through toScaled). */
export function textScale(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) return text.length - i - 1;
    if (c === 101 || c === 69) return toScaled(text).scale; // e, E
  }
  return 0;
}

/**
 * text × 10^scale as an exact Int, for a scale of at least textScale(text): up to 15 digits are read in place into a
 * plain number (no strings or objects made: this runs per rollup value), longer or other forms through toScaled.
 */
export function scaledText(text: string, scale: number): Int {
  let n = 0;
  let digits = 0;
  let fraction = -1;
  let plain = text.length > 0 && text.length <= 17;
  for (let i = text.charCodeAt(0) === 45 ? 1 : 0; plain && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else plain = false;
  }
  if (plain && digits > 0 && digits <= 15 && fraction !== 0)
    return mulInt(text.charCodeAt(0) === 45 ? -n : n, pow10Int(scale - Math.max(0, fraction)));
  const s = toScaled(text);
  return s.n * pow10(scale - s.scale);
}

/** An exact integer sum: plain-number terms add as numbers, the running number moving into a BigInt past SMALL_LIMIT. */
export class ExactSum {
  private small = 0;
  private big = 0n;

  add(term: Int): void {
    if (typeof term === "bigint") {
      this.big += term;
      return;
    }
    this.small += term;
    if (this.small > SMALL_LIMIT || this.small < -SMALL_LIMIT) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }

  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

export const MS_PER_HOUR = 3_600_000;

/**
 * The time unit in which every overlap of these periods and blocks is a whole number: the hour when every boundary
 * falls on a whole hour (then quantity × overlap is the capacity_AH itself), else the millisecond.
 */
export function hourUnit(periods: readonly { from: Date; to: Date }[], blocks: readonly { startAt: Date; endAt: Date }[]): number {
  const onHour = (t: Date) => t.getTime() % MS_PER_HOUR === 0;
  const whole = periods.every((p) => onHour(p.from) && onHour(p.to)) && blocks.every((b) => onHour(b.startAt) && onHour(b.endAt));
  return whole ? MS_PER_HOUR : 1;
}
