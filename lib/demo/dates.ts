// All seed dates are UTC and expressed relative to the month that contains `asOf`.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function startOfUtcHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

// `months` from the month of `base`, on day `day` (1–28) at midnight UTC.
export function monthDay(base: Date, months: number, day = 1): Date {
  return new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + months, day));
}

// Same day and time `months` later, the day clamped to the length of the target month.
export function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, day) + (at.getTime() % 86_400_000));
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

export function hoursBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / HOUR_MS);
}

export function dateFromIso(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function maxDate(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

export function minDate(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}
