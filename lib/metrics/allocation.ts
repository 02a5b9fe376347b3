import { Dec } from "./decimal";
import { capacityAh, deliveredStart, type Block } from "./capacity";
import type { Period } from "./period";

// PRODUCT.md §3 "allocation": a block's accelerators are allocated to workloads over time, [from, to); the sum never
// exceeds the block's quantity at any instant; what is not allocated is the block's free pool.

/** One allocation of a block: `quantity` accelerators over [from, to); `to` null runs to the block's end. */
export type AllocationSpan = { quantity: number; from: Date; to: Date | null };

/** A stretch of time where the allocations of a block add up to more than its quantity. */
export type OverAllocation = { from: Date; to: Date | null; allocated: number; quantity: number };

/**
 * The first stretch where Σ allocated > the block's quantity, with the most allocated within it; null when the
 * allocations fit at every instant. Half-open: one allocation ending at t and another starting at t do not overlap.
 */
export function overAllocation(quantity: number, spans: readonly AllocationSpan[]): OverAllocation | null {
  type Event = { t: number; delta: number };
  const events: Event[] = [];
  for (const s of spans) {
    const end = s.to ? s.to.getTime() : Infinity;
    if (end <= s.from.getTime() || s.quantity <= 0) continue;
    events.push({ t: s.from.getTime(), delta: s.quantity });
    if (end !== Infinity) events.push({ t: end, delta: -s.quantity });
  }
  events.sort((a, b) => a.t - b.t || a.delta - b.delta); // ends before starts at the same instant
  let sum = 0;
  let over: OverAllocation | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    sum += e.delta;
    if (i + 1 < events.length && events[i + 1]!.t === e.t) continue; // the sum at an instant counts every event there
    if (over) {
      if (sum > quantity) over.allocated = Math.max(over.allocated, sum);
      else {
        over.to = new Date(e.t);
        return over;
      }
    } else if (sum > quantity) over = { from: new Date(e.t), to: null, allocated: sum, quantity };
  }
  return over;
}

/** The block's accelerator-hours in period P allocated by one span: quantity × hours(P ∩ [from, to) ∩ the block's life). */
export function allocatedAh(block: Block, span: AllocationSpan, period: Period): Dec {
  const start = Math.max(span.from.getTime(), deliveredStart(block.startAt, block.endAt, block.deliveredAt).getTime());
  const end = Math.min(span.to ? span.to.getTime() : Infinity, block.endAt.getTime());
  if (end <= start) return new Dec(0);
  return capacityAh({ quantity: span.quantity, startAt: new Date(start), endAt: new Date(end) }, period);
}

/** The free pool of a block in P: its capacity_AH less every allocation's AH (never below zero: the verbs keep Σ ≤ quantity). */
export function freePoolAh(block: Block, spans: readonly AllocationSpan[], period: Period): Dec {
  const free = spans.reduce((left, s) => left.minus(allocatedAh(block, s, period)), capacityAh(block, period));
  return free.isNegative() ? new Dec(0) : free;
}

/** The accelerators of a block allocated at instant t, and the free pool then. */
export function allocatedAt(quantity: number, spans: readonly AllocationSpan[], t: Date): { allocated: number; free: number } {
  const time = t.getTime();
  const allocated = spans.reduce((sum, s) => (s.from.getTime() <= time && (!s.to || time < s.to.getTime()) ? sum + s.quantity : sum), 0);
  return { allocated, free: Math.max(0, quantity - allocated) };
}
