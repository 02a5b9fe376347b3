import { allocatedAh } from "./allocation";
import { Dec } from "./decimal";
import type { MonthlyUsage } from "./monthly-spend";
import type { Period } from "./period";

// The team / workload filter of the planning pages (issue 19 deliverable 7): what a selection of workloads holds and
// uses. Each allocation of a selected workload is seen as a block of its own — `quantity` accelerators over the
// allocation's period within the block's life, on the block's family, provider and site — so every page function
// that reads blocks reads these unchanged. Its use is the block's used hours shared pro rata to the allocations'
// accelerator-hours, each at most fully used — or, where the feed's workload column said who used a reserved block's
// hours, what it reported for the workload: the showback's rule (lib/queries/allocation/showback.ts), so a filtered
// page and /allocation give a workload one used figure.

/** One allocation of a block: `quantity` accelerators over [from, to); `to` null runs to the block's end. */
export type BlockAllocation = { id: string; blockId: string; workloadId: string; quantity: number; from: Date; to: Date | null };

type Life = { quantity: number; startAt: Date; endAt: Date };

/**
 * The block cut to one allocation: the allocation's quantity over [max(from, block start), min(to, block end)), every
 * other field the block's; null when the allocation lies outside the block's life. The block's start is its delivered
 * start (the pages' blocks carry it so).
 */
export function allocationBlock<B extends Life>(block: B, allocation: Pick<BlockAllocation, "quantity" | "from" | "to">): B | null {
  const start = Math.max(allocation.from.getTime(), block.startAt.getTime());
  const end = Math.min(allocation.to ? allocation.to.getTime() : Infinity, block.endAt.getTime());
  if (end <= start || allocation.quantity <= 0) return null;
  return { ...block, quantity: allocation.quantity, startAt: new Date(start), endAt: new Date(end) };
}

/** Places a pro-rata share is rounded to (a millionth of an accelerator-hour): the rollups' used_ah carries as many. */
export const SHARE_PLACES = 6;

/**
 * The used accelerator-hours of each selected allocation per bucket, keyed by allocation id, in the shape the rollups
 * are read in (MonthlyUsage: bucket starts in ms, used AH as text). In a bucket where the block reported use u, with
 * A = Σ allocatedAh of *every* allocation of the block (the selection's and the others') and a = this allocation's,
 * both over the bucket up to `measuredTo`: used = a × min(u ÷ A, 1), rounded half-even to SHARE_PLACES; use beyond
 * the allocations is the free pool's. Where `reported` has the block's bucket (the feed named workloads), the
 * workload's reported use goes to its allocations of the block in turn (in `all`'s order), each at most its a; a
 * workload the feed did not name used nothing. A bucket the block did not report is left out (unmeasured, not
 * idle); one where nothing is allocated gives 0.
 */
export function allocatedUse(input: {
  buckets: readonly Period[];
  blocks: ReadonlyMap<string, Life>;
  selected: readonly BlockAllocation[];
  /** Every allocation of the selected allocations' blocks (the selected ones included). */
  all: readonly BlockAllocation[];
  /** used_AH per block and bucket start. */
  usedAh: MonthlyUsage;
  /** Hours from here on are not measured yet (the pages cut capacity there too). */
  measuredTo: Date;
  /** `${blockId}|${bucket start ms}` → workload → used AH the feed reported (reserved blocks only). */
  reported?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}): Map<string, { months: number[]; usedAh: string[] }> {
  const byStart = new Map(input.buckets.map((b) => [b.from.getTime(), b]));
  const cut = (b: Period): Period =>
    b.to > input.measuredTo ? { from: b.from, to: b.from > input.measuredTo ? b.from : input.measuredTo } : b;
  const onBlock = new Map<string, BlockAllocation[]>();
  for (const a of input.all) onBlock.set(a.blockId, [...(onBlock.get(a.blockId) ?? []), a]);
  const span = (a: BlockAllocation) => ({ quantity: a.quantity, from: a.from, to: a.to });
  const out = new Map<string, { months: number[]; usedAh: string[] }>();
  for (const s of input.selected) {
    const block = input.blocks.get(s.blockId);
    const used = input.usedAh.get(s.blockId);
    if (!block || !used) continue;
    const entry = { months: [] as number[], usedAh: [] as string[] };
    for (let k = 0; k < used.months.length; k++) {
      const bucket = byStart.get(used.months[k]!);
      if (!bucket) continue;
      const period = cut(bucket);
      const own = allocatedAh(block, span(s), period);
      const total = (onBlock.get(s.blockId) ?? [s]).reduce((sum, a) => sum.plus(allocatedAh(block, span(a), period)), new Dec(0));
      let share = new Dec(0);
      const reported = input.reported?.get(`${s.blockId}|${used.months[k]}`);
      if (reported) {
        let rest = new Dec(reported.get(s.workloadId) ?? 0);
        for (const a of onBlock.get(s.blockId) ?? [s]) {
          if (a.workloadId !== s.workloadId) continue;
          const taken = Dec.min(rest, allocatedAh(block, span(a), period));
          if (a.id === s.id) {
            share = taken.toDecimalPlaces(SHARE_PLACES, Dec.ROUND_HALF_EVEN);
            break;
          }
          rest = rest.minus(taken);
        }
      } else if (own.gt(0) && total.gt(0)) {
        const fill = Dec.min(new Dec(used.usedAh[k]!).div(total), 1);
        share = own.times(fill).toDecimalPlaces(SHARE_PLACES, Dec.ROUND_HALF_EVEN);
      }
      entry.months.push(used.months[k]!);
      entry.usedAh.push(share.toFixed());
    }
    if (entry.months.length) out.set(s.id, entry);
  }
  return out;
}
