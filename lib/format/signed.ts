import type { Dec } from "@/lib/metrics/decimal";
import { formatDecimal, formatMoneyExact, formatMw } from "./number";

// Changes against a baseline: an explicit sign (a true minus), and a plain 0 for no change.

const sign = (d: Dec) => (d.isNegative() ? "−" : "+");

/** +5,054 / −12 / 0, to `digits` decimals. */
export function signedNumber(d: Dec, digits = 0): string {
  const text = formatDecimal(d.abs().toNumber(), digits);
  return /^[0.,]*$/.test(text) ? "0" : `${sign(d)}${text}`;
}

/** +$1,234.50 / −$10.00 / $0.00. */
export function signedMoney(d: Dec): string {
  return d.isZero() ? "$0.00" : `${sign(d)}${formatMoneyExact(d.abs().toFixed(2))}`;
}

/** +5.70 MW / −0.25 MW / 0 MW; — when unknown. */
export function signedMw(d: Dec | null): string {
  return d === null ? "—" : d.isZero() ? "0 MW" : `${sign(d)}${formatMw(d.abs().toString())}`;
}

/** +2 mo / −3 mo / same; — when unknown. */
export function signedMonths(n: number | null): string {
  return n === null ? "—" : n === 0 ? "same" : `${n > 0 ? "+" : "−"}${Math.abs(n)} mo`;
}
