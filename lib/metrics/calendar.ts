import type { Period } from "./period";

export function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function addUtcDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function startOfUtcMonth(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function startOfUtcYear(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
}

export function addUtcMonths(d: Date, months: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** `count` consecutive calendar months, the first being the month that contains `from`. */
export function utcMonths(from: Date, count: number): Period[] {
  const first = startOfUtcMonth(from);
  return Array.from({ length: count }, (_, i) => ({ from: addUtcMonths(first, i), to: addUtcMonths(first, i + 1) }));
}

/** Whole UTC days as half-open periods. */
export function utcDays(period: Period): Period[] {
  const days: Period[] = [];
  for (let d = startOfUtcDay(period.from); d < period.to; d = addUtcDays(d, 1)) days.push({ from: d, to: addUtcDays(d, 1) });
  return days;
}

/** "2026-03-01" → midnight UTC; also accepts full ISO timestamps. */
export function parseUtc(value: string | Date): Date {
  if (value instanceof Date) return value;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${value}`);
  return date;
}

// Days already written, by their UTC-midnight timestamp: the month keys of monthly spend and the comparison ask
// for the same few hundred days once per block × month. Bounded; cleared when full.
const DAY_MS = 86_400_000;
const isoDays = new Map<number, string>();

export function isoDay(d: Date): string {
  const t = d.getTime();
  if (t % DAY_MS !== 0) return d.toISOString().slice(0, 10);
  let day = isoDays.get(t);
  if (day === undefined) {
    if (isoDays.size >= 10_000) isoDays.clear();
    day = d.toISOString().slice(0, 10);
    isoDays.set(t, day);
  }
  return day;
}
