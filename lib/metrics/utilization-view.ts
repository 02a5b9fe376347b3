import { Dec } from "./decimal";
import { pow10, ratio, rescale, toScaled, type Scaled } from "./exact";
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

const MS_PER_HOUR = 3_600_000n;

// Sums kept as exact integers: AH in units of 1 ÷ (3,600,000 × 10^usedScale) AH (an accelerator-millisecond split
// 10^usedScale ways, so both quantity × overlap ms and the rollups' used_AH are whole numbers), money in that unit
// × 10^rateScale. Each total becomes a Dec by one division at the end.
type Sums = { capacity: bigint; used: bigint; idle: bigint; cost: bigint };

function empty(): Sums {
  return { capacity: 0n, used: 0n, idle: 0n, cost: 0n };
}

function add(into: Sums, capacity: bigint, used: bigint, idle: bigint, cost: bigint) {
  into.capacity += capacity;
  into.used += used;
  into.idle += idle;
  into.cost += cost;
}

export function groupOf(b: UsageBlock, by: UtilizationGroupBy): string {
  return by === "family" ? b.family : by === "provider" ? b.providerName : b.siteName;
}

/**
 * Utilization per bucket (month or day) and group, and per block over all buckets, from rollup used hours.
 * capacity_AH = quantity × hours(bucket ∩ [start, end) ∩ [.., measuredTo)) — hours not yet measured are left out;
 * idle AH = max(0, capacity − used); idle cost = (capacity − used) × rate for reserved blocks in `currency`
 * (lib/metrics/utilization.ts idleCost, applied per block and bucket in exact integers); a block's row applies
 * idleCost to its totals. Sums are exact; each figure is rounded once (Dec precision) when it is turned into a Dec.
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
  const usedScaled = new Map<string, Scaled>();
  let usedScale = 0;
  for (const [key, value] of input.usedAh) {
    const v = toScaled(value);
    usedScaled.set(key, v);
    if (v.scale > usedScale) usedScale = v.scale;
  }
  const priced = input.blocks.map((b) => b.pricingModel === "reserved" && b.currency === input.currency);
  const rates = input.blocks.map((b, i) => (priced[i] ? toScaled(b.rate) : { n: 0n, scale: 0 }));
  const rateScale = rates.reduce((max, r) => Math.max(max, r.scale), 0);
  const rate = rates.map((r) => rescale(r.n, r.scale, rateScale));
  const quantity = input.blocks.map((b) => BigInt(b.quantity) * pow10(usedScale));
  const usedUnit = MS_PER_HOUR;
  const ahUnit = MS_PER_HOUR * pow10(usedScale);
  const moneyUnit = ahUnit * pow10(rateScale);
  const toUsage = (u: Sums): Usage => {
    const capacityAh = ratio(u.capacity, ahUnit);
    const usedAh = ratio(u.used, ahUnit);
    return { capacityAh, usedAh, idleAh: ratio(u.idle, ahUnit), idleCost: ratio(u.cost, moneyUnit), utilization: utilization(usedAh, capacityAh) };
  };

  const perBlock = input.blocks.map(() => empty());
  const measuredTo = input.measuredTo.getTime();
  const buckets = input.buckets.map((bucket) => {
    const total = empty();
    const groups = new Map<string, Sums>();
    const from = bucket.from.getTime();
    const to = Math.min(bucket.to.getTime(), measuredTo);
    const key = bucket.from.toISOString().slice(0, 10);
    input.blocks.forEach((b, i) => {
      const overlap = Math.min(to, b.endAt.getTime()) - Math.max(from, b.startAt.getTime());
      const u = usedScaled.get(`${b.id}|${key}`);
      const used = u ? rescale(u.n, u.scale, usedScale) * usedUnit : 0n;
      if (overlap <= 0 && used === 0n) return;
      const capacity = overlap > 0 ? quantity[i]! * BigInt(overlap) : 0n;
      const idle = capacity > used ? capacity - used : 0n;
      const cost = priced[i] ? idle * rate[i]! : 0n;
      add(total, capacity, used, idle, cost);
      add(perBlock[i]!, capacity, used, idle, cost);
      const g = groupOf(b, input.by);
      let entry = groups.get(g);
      if (!entry) groups.set(g, (entry = empty()));
      add(entry, capacity, used, idle, cost);
    });
    return { bucket, total: toUsage(total), groups: new Map([...groups].map(([g, u]) => [g, toUsage(u)])) };
  });
  const blocks = input.blocks
    .map((block, i) => {
      const u = perBlock[i]!;
      const capacityAh = ratio(u.capacity, ahUnit);
      const usedAh = ratio(u.used, ahUnit);
      const cost = block.currency === input.currency ? idleCost({ pricingModel: block.pricingModel, rate: block.rate, capacityAh, usedAh }) : new Dec(0);
      const idleAh = ratio(u.capacity > u.used ? u.capacity - u.used : 0n, ahUnit);
      return { block, capacityAh, usedAh, idleAh, idleCost: cost, utilization: utilization(usedAh, capacityAh) };
    })
    .filter((b) => !b.capacityAh.isZero() || !b.usedAh.isZero())
    .sort((a, b) => b.idleCost.comparedTo(a.idleCost) || b.idleAh.comparedTo(a.idleAh) || a.block.name.localeCompare(b.block.name));
  const total = empty();
  for (const u of perBlock) add(total, u.capacity, u.used, u.idle, u.cost);
  return { buckets, blocks, total: toUsage(total) };
}
