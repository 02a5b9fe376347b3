import type { Dec } from "@/lib/metrics/decimal";
import { rememberScaled, toScaled, type Scaled } from "@/lib/metrics/exact";
import { h100Equivalents } from "@/lib/metrics/h100e";
import type { PlanningBlock } from "./types";

const computed = new WeakMap<PlanningBlock, { quantity: number; factor: string; value: Dec }>();
// A type's factor as n ÷ 10^scale: a few distinct texts, each read once.
const factors = new Map<string, Scaled>();

/**
 * A block's H100e (h100Equivalents of its quantity and its type's factor), computed once per block object: the
 * planning pages read it for the runway, each grouping, the drivers and the loss-of-one. Recomputed if the block's
 * quantity or factor changed since.
 */
export function blockH100e(b: PlanningBlock): Dec {
  const hit = computed.get(b);
  if (hit && hit.quantity === b.quantity && hit.factor === b.h100eFactor) return hit.value;
  const value = h100Equivalents(b.quantity, b.h100eFactor);
  let factor = factors.get(b.h100eFactor);
  if (!factor) factors.set(b.h100eFactor, (factor = toScaled(b.h100eFactor)));
  // quantity × factor exactly, as the exact sums read it (averageUnitsByMonth, capacityShares)
  if (Number.isSafeInteger(b.quantity)) rememberScaled(value, { n: BigInt(b.quantity) * factor.n, scale: factor.scale });
  computed.set(b, { quantity: b.quantity, factor: b.h100eFactor, value });
  return value;
}
