import { Dec } from "./decimal";
import { contains, hoursInOverlap, type Period } from "./period";

export type ReservationStatus = "planned" | "active" | "expired";
export type Block = { quantity: number; startAt: Date; endAt: Date };

/** capacity_AH(r, P) = quantity × hours(P ∩ [start, end)). */
export function capacityAh(block: Block, period: Period): Dec {
  return hoursInOverlap(period, block.startAt, block.endAt).times(block.quantity);
}

/** Σ capacity_AH over blocks: quantity × milliseconds summed exactly as integers, turned into hours once. */
export function totalCapacityAh(blocks: readonly Block[], period: Period): Dec {
  let ms = 0n;
  const from = period.from.getTime();
  const to = period.to.getTime();
  for (const b of blocks) {
    const overlap = Math.min(to, b.endAt.getTime()) - Math.max(from, b.startAt.getTime());
    if (overlap > 0) ms += BigInt(b.quantity) * BigInt(overlap);
  }
  return new Dec(ms.toString()).div(3_600_000);
}

/** In service at t: marked active and t ∈ [start, end) (a planned block may still be waiting for delivery). */
export function isInServiceAt(block: Block & { status: ReservationStatus }, t: Date): boolean {
  return block.status === "active" && contains(block.startAt, block.endAt, t);
}
