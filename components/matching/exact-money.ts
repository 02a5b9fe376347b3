import { dec } from "@/lib/metrics/decimal";

/** An exact decimal amount, never through a float: "1234.5678900000" USD → "1,234.56789 USD" (at least two decimals). */
export function formatExactMoney(value: string, currency: string): string {
  const fixed = dec(value).toFixed();
  const [whole = "0", frac = ""] = fixed.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fixed.startsWith("-") ? "−" : ""}${grouped}.${frac.padEnd(2, "0")} ${currency}`;
}

/** An exact decimal amount rounded half-up to the cent: "1600448.8325141858" USD → "1,600,448.83 USD". */
export function formatCentsMoney(value: string, currency: string): string {
  return formatExactMoney(dec(value).toDecimalPlaces(2, 4).toFixed(2), currency);
}
