import { Dec } from "./decimal";
import { hoursInOverlap, type Period } from "./period";

export type ReservationStatus = "planned" | "active" | "expired";
export type Block = { quantity: number; startAt: Date; endAt: Date };

/** capacity_AH(r, P) = quantity × hours(P ∩ [start, end)). */
export function capacityAh(block: Block, period: Period): Dec {
  return hoursInOverlap(period, block.startAt, block.endAt).times(block.quantity);
}
