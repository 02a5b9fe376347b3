const DAY_MS = 86_400_000;

/**
 * The day an offer's capacity can start (PRODUCT.md §3, procurement plan): ordered at asOf, or when the offer becomes
 * valid if later, plus its lead time in days, plus (planning for late delivery) the provider's delivery slip in days.
 */
export function offerReadyAt(input: { asOf: Date; validFrom: Date; leadTimeDays: number; slipDays?: number }): Date {
  const ordered = Math.max(input.asOf.getTime(), input.validFrom.getTime());
  return new Date(ordered + (input.leadTimeDays + (input.slipDays ?? 0)) * DAY_MS);
}

/**
 * The first month index of a plan whose months start at `first` (a UTC month start) in which a block ready at `ready`
 * may start: blocks count whole months, so the first month that begins on or after `ready`; 0 at the earliest.
 */
export function firstStartMonth(first: Date, ready: Date): number {
  const y = ready.getUTCFullYear();
  const m = ready.getUTCMonth();
  const onStart = ready.getTime() === Date.UTC(y, m, 1);
  const index = (y - first.getUTCFullYear()) * 12 + (m - first.getUTCMonth()) + (onStart ? 0 : 1);
  return Math.max(0, index);
}
