import { addUtcDays } from "./calendar";

/** The window of "expiring soon" on the Overview and the Reservations page (PRODUCT.md §4: expiring in 90 days). */
export const EXPIRING_DAYS = 90;

/** Expiring within N days of t: end ∈ (t, t + N days]. */
export function isExpiringWithin(endAt: Date, t: Date, days: number): boolean {
  return endAt > t && endAt <= addUtcDays(t, days);
}

export function expiringWithin<T extends { endAt: Date }>(items: readonly T[], t: Date, days: number): T[] {
  return items.filter((i) => isExpiringWithin(i.endAt, t, days)).sort((a, b) => a.endAt.getTime() - b.endAt.getTime());
}
