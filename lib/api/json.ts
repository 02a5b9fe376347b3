import { z } from "zod";
import { isoDay } from "@/lib/metrics/calendar";
import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";

// The read API's JSON: exact decimals as strings (never a float), instants as ISO 8601 UTC, months as YYYY-MM.

export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "An exact decimal as a string (money is never a float).", examples: ["1250100.5"] });
export const Instant = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC." });
export const Month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .meta({ description: "A UTC month, YYYY-MM.", examples: ["2026-03"] });
export const PeriodJson = z.object({ from: Instant, to: Instant }).meta({ description: "A half-open period [from, to) in UTC." });
export const Ratio = DecimalString.nullable().meta({ description: "A share 0–1 as an exact decimal; null when nothing was measured." });

export const decimal = (d: Dec): string => d.toFixed();
export const decimalOrNull = (d: Dec | null | undefined): string | null => (d == null ? null : d.toFixed());
export const instant = (d: Date): string => d.toISOString();
export const month = (p: Period | Date): string => isoDay(p instanceof Date ? p : p.from).slice(0, 7);
export const monthOrNull = (p: Period | Date | null): string | null => (p ? month(p) : null);
export const period = (p: Period): { from: string; to: string } => ({ from: instant(p.from), to: instant(p.to) });

export const ErrorJson = z.object({
  error: z.string().meta({ description: "What is wrong, for a person to read." }),
  fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "The query fields at fault, with their messages." }),
});
