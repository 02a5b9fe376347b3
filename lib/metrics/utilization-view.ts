import { dec, Dec } from "./decimal";
import type { Period } from "./period";
import type { PricingModel } from "./planned-cost";
import { idleCost, utilization } from "./utilization";

export type UsageBlock = {
  id: string;
  name: string;
  providerName: string;
  siteName: string;
  family: string;
  quantity: number;
  /** Delivery-adjusted start. */
  startAt: Date;
  endAt: Date;
  pricingModel: PricingModel;
  rate: string;
  currency: string;
};

export type UtilizationGroupBy = "family" | "provider" | "site";

export type Usage = { capacityAh: Dec; usedAh: Dec; idleAh: Dec; idleCost: Dec; utilization: Dec | null };
export type BucketUsage = { bucket: Period; total: Usage; groups: Map<string, Usage> };
export type BlockUsage = Usage & { block: UsageBlock };

const MS_PER_HOUR = 3_600_000;

function empty(): Omit<Usage, "utilization"> {
  return { capacityAh: new Dec(0), usedAh: new Dec(0), idleAh: new Dec(0), idleCost: new Dec(0) };
}

function finish(u: Omit<Usage, "utilization">): Usage {
  return { ...u, utilization: utilization(u.usedAh, u.capacityAh) };
}

function add(into: Omit<Usage, "utilization">, u: Omit<Usage, "utilization">) {
  into.capacityAh = into.capacityAh.plus(u.capacityAh);
  into.usedAh = into.usedAh.plus(u.usedAh);
  into.idleAh = into.idleAh.plus(u.idleAh);
  into.idleCost = into.idleCost.plus(u.idleCost);
}

export function groupOf(b: UsageBlock, by: UtilizationGroupBy): string {
  return by === "family" ? b.family : by === "provider" ? b.providerName : b.siteName;
}

/**
 * Utilization per bucket (month or day) and group, and per block over all buckets, from rollup used hours.
 * capacity_AH = quantity × hours(bucket ∩ [start, end) ∩ [.., measuredTo)) — hours not yet measured are left out;
 * idle AH = max(0, capacity − used); idle cost = (capacity − used) × rate for reserved blocks in `currency`
 * (lib/metrics/utilization.ts), per block and bucket; a block's row applies the same definitions to its totals.
 */
export function summarizeUtilization(input: {
  buckets: readonly Period[];
  blocks: readonly UsageBlock[];
  /** used_AH per `${blockId}|${YYYY-MM-DD of the bucket start}`. */
  usedAh: ReadonlyMap<string, string>;
  measuredTo: Date;
  by: UtilizationGroupBy;
  currency: string;
}): { buckets: BucketUsage[]; blocks: BlockUsage[]; total: Usage } {
  const perBlock = new Map(input.blocks.map((b) => [b.id, empty()]));
  const buckets = input.buckets.map((bucket) => {
    const total = empty();
    const groups = new Map<string, Omit<Usage, "utilization">>();
    const from = bucket.from.getTime();
    const to = Math.min(bucket.to.getTime(), input.measuredTo.getTime());
    const key = bucket.from.toISOString().slice(0, 10);
    for (const b of input.blocks) {
      const overlap = Math.min(to, b.endAt.getTime()) - Math.max(from, b.startAt.getTime());
      const used = dec(input.usedAh.get(`${b.id}|${key}`));
      if (overlap <= 0 && used.isZero()) continue;
      const ms = overlap > 0 ? b.quantity * overlap : 0;
      const capacityAh = ms % MS_PER_HOUR === 0 ? new Dec(ms / MS_PER_HOUR) : new Dec(ms).div(MS_PER_HOUR);
      const u = {
        capacityAh,
        usedAh: used,
        idleAh: Dec.max(0, capacityAh.minus(used)),
        idleCost: b.currency === input.currency ? idleCost({ pricingModel: b.pricingModel, rate: b.rate, capacityAh, usedAh: used }) : new Dec(0),
      };
      add(total, u);
      add(perBlock.get(b.id)!, u);
      const g = groupOf(b, input.by);
      const entry = groups.get(g) ?? empty();
      add(entry, u);
      groups.set(g, entry);
    }
    return { bucket, total: finish(total), groups: new Map([...groups].map(([g, u]) => [g, finish(u)])) };
  });
  const blocks = input.blocks
    .map((block) => {
      const u = perBlock.get(block.id)!;
      const cost = block.currency === input.currency ? idleCost({ pricingModel: block.pricingModel, rate: block.rate, capacityAh: u.capacityAh, usedAh: u.usedAh }) : new Dec(0);
      return { block, ...finish({ ...u, idleAh: Dec.max(0, u.capacityAh.minus(u.usedAh)), idleCost: cost }) };
    })
    .filter((b) => !b.capacityAh.isZero() || !b.usedAh.isZero())
    .sort((a, b) => b.idleCost.comparedTo(a.idleCost) || b.idleAh.comparedTo(a.idleAh) || a.block.name.localeCompare(b.block.name));
  const total = empty();
  for (const b of buckets) add(total, b.total);
  return { buckets, blocks, total: finish(total) };
}
