import type { Dec } from "@/lib/metrics/decimal";
import { formatCompact, formatDecimal, formatMoneyExact, formatPercent } from "@/lib/format/number";

/** A unit price to the cent ($2.98); below a dollar to the tenth of a cent ($0.142). */
export function usd(v: Dec | null): string {
  if (v === null) return "—";
  return v.abs().lessThan(1) && !v.isZero() ? `$${v.toFixed(3)}` : formatMoneyExact(v.toFixed(2));
}

export const money = (v: Dec | null) => (v === null ? "—" : formatMoneyExact(v.toFixed(2)));
export const pct = (v: Dec | null, digits = 1) => (v === null ? "—" : formatPercent(v.toNumber(), digits));
export const ah = (v: Dec) => formatCompact(v.toNumber());
export const int = (v: Dec | number) => formatDecimal(typeof v === "number" ? v : v.toNumber(), 0);
