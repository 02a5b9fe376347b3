import { addUtcMonths } from "@/lib/metrics/calendar";

import type { MonthKey } from "./types";

// Hours are real calendar hours in UTC (days in the month × 24: 672, 696, 720 or 744), the same months
// lib/metrics/calendar.ts cuts; a term that runs past the horizon is counted on the same calendar.

export function monthStart(key: MonthKey): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) throw new Error(`Not a month: ${key} (expected YYYY-MM)`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

export function monthKeyAt(first: MonthKey, index: number): MonthKey {
  return addUtcMonths(monthStart(first), index).toISOString().slice(0, 7);
}

/** Σ hours of months [from, to) counted from `first`. */
export function hoursBetween(first: MonthKey, from: number, to: number): number {
  if (to <= from) return 0;
  // The months' hours telescope: the first hour of month `to` minus the first hour of month `from`.
  const start = monthStart(first);
  return (addUtcMonths(start, to).getTime() - addUtcMonths(start, from).getTime()) / 3_600_000;
}

const label = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

/** "2027-07" → "Jul 2027". */
export function monthLabel(key: MonthKey): string {
  return label.format(monthStart(key));
}
