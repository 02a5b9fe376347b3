import type { ValueUnit } from "./chart-types";
import { formatCompact, formatCount, formatDecimal, formatH100e, formatMoney, formatMw, formatPercent } from "./number";

/** Format a chart value by its unit; percent values arrive as 0–100. */
export function formatValue(unit: ValueUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  switch (unit) {
    case "usd":
      return formatMoney(value);
    case "percent":
      return formatPercent(value / 100);
    case "mw":
      return formatMw(value);
    case "h100e":
      return formatH100e(value);
    case "accelerators":
      return formatCount(value, "accelerator");
    case "count":
      return formatDecimal(value, 0);
  }
}

/** Short axis ticks: $4.2M, 71 %, 12 MW, 12.3K. */
export function formatTick(unit: ValueUnit, value: number): string {
  if (unit === "h100e" || unit === "accelerators" || unit === "count") return formatCompact(value);
  return formatValue(unit, value);
}
