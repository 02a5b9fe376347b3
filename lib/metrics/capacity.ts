import { Dec } from "./decimal";
import { MS_PER_HOUR, mulInt, ratio, type Int } from "./exact";
import type { Period } from "./period";

export type ReservationStatus = "planned" | "active" | "expired";
/** A capacity block; `deliveredAt` (when capacity arrives, if later than the start) moves its start, never past its end. */
export type Block = { quantity: number; startAt: Date; endAt: Date; deliveredAt?: Date | null };

/** The instant a block's capacity starts: max(start, delivery), but never after its end. */
export function deliveredStart(startAt: Date, endAt: Date, deliveredAt: Date | null | undefined): Date {
  if (!deliveredAt || deliveredAt <= startAt) return startAt;
  return deliveredAt < endAt ? deliveredAt : endAt;
}

/**
 * capacity_AH as an exact integer, for the block × period loops: quantity × the length of
 * [from, min(to, until)) ∩ [start, end) in units of `unit` ms. All instants are epoch ms; `start` is the delivered
 * start. `unit` must divide every boundary's offset: hourUnit gives MS_PER_HOUR (the result is then AH) or 1 (AH ×
 * 3,600,000). `quantity` may come pre-scaled (× 10^k); the result carries the same scale. Zero when they do not meet.
 */
export function capacityUnits(quantity: Int, start: number, end: number, from: number, to: number, unit: number, until = Infinity): Int {
  const overlap = Math.min(to, until, end) - Math.max(from, start);
  return overlap > 0 ? mulInt(quantity, overlap / unit) : 0;
}

/**
 * capacity_AH(r, P) = quantity × hours(P ∩ [max(start, delivery), end)), counting no hour from `until` on (the
 * views that leave out hours not yet measured). Exact: one division of an integer, so whole hours give whole AH.
 */
export function capacityAh(block: Block, period: Period, until?: Date): Dec {
  const start = deliveredStart(block.startAt, block.endAt, block.deliveredAt).getTime();
  const ms = capacityUnits(block.quantity, start, block.endAt.getTime(), period.from.getTime(), period.to.getTime(), 1, until?.getTime());
  if (typeof ms === "number" && ms % MS_PER_HOUR === 0) return new Dec(ms / MS_PER_HOUR);
  return ratio(BigInt(ms), BigInt(MS_PER_HOUR));
}
