const DAY_MS = 86_400_000;

export type DeliveredBlock = { startAt: Date; deliveryDate: Date };

/**
 * A provider's historical delivery slip (issue 17, "plan for late delivery"): the 80th percentile of delivery date −
 * start date, in days, over its past reservations (those delivered on or before asOf). Nearest rank: the ⌈0.8 n⌉-th
 * smallest slip. Early deliveries count as negative slips; the result is at least 0 (a lead time is never shortened),
 * and 0 without history.
 */
export function deliverySlipP80Days(blocks: readonly DeliveredBlock[], asOf: Date): number {
  const slips = blocks
    .filter((b) => b.deliveryDate.getTime() <= asOf.getTime())
    .map((b) => (b.deliveryDate.getTime() - b.startAt.getTime()) / DAY_MS)
    .sort((a, b) => a - b);
  if (slips.length === 0) return 0;
  return Math.max(0, slips[Math.ceil(0.8 * slips.length) - 1]!);
}
