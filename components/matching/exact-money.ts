import { dec } from "@/lib/metrics/decimal";

/** An exact decimal amount, never through a float: "1234.5678900000" USD → "1,234.56789 USD" (at least two decimals). */
export function formatExactMoney(value: string, currency: string): string {
  const fixed = dec(value).toFixed();
  const [whole = "0", frac = ""] = fixed.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${fixed.startsWith("-") ? "−" : ""}${grouped}.${frac.padEnd(2, "0")} ${currency}`;
}
