import { Dec } from "./decimal";
import { ExactSum, hourUnit, MS_PER_HOUR, mulInt, pow10, pow10Int, ratio, subInt, toScaledInt, type Int } from "./exact";
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


// Sums kept as exact integers (ExactSum): AH in units of 10^-usedScale AH-per-time-unit, where the time unit is the
// hour when every boundary falls on a whole hour (else the millisecond), so both quantity × overlap and the rollups'
// used_AH are whole numbers; money in that unit × 10^rateScale. Each figure becomes a Dec by one division at the end.
type Sums = { capacity: ExactSum; used: ExactSum; idle: ExactSum; cost: ExactSum };

function empty(): Sums {
  return { capacity: new ExactSum(), used: new ExactSum(), idle: new ExactSum(), cost: new ExactSum() };
}

function add(into: Sums, capacity: Int, used: Int, idle: Int, cost: Int) {
  into.capacity.add(capacity);
  into.used.add(used);
  into.idle.add(idle);
  into.cost.add(cost);
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
  // measuredTo cuts buckets short, so it must fall on an hour too.
  const timeUnit = hourUnit([...input.buckets, { from: input.measuredTo, to: input.measuredTo }], input.blocks);
  // used_AH in the sums' unit (n × 10^(usedScale − scale) × time units per hour), by bucket and block index
  const blockIndex = new Map(input.blocks.map((b, i) => [b.id, i]));
  const bucketIndex = new Map(input.buckets.map((b, j) => [b.from.toISOString().slice(0, 10), j]));
  const foundBlock: number[] = [];
  const foundBucket: number[] = [];
  const foundN: Int[] = [];
  const foundScale: number[] = [];
  let usedScale = 0;
  for (const [key, value] of input.usedAh) {
    const bar = key.lastIndexOf("|");
    const i = blockIndex.get(key.slice(0, bar));
    if (i === undefined) continue;
    const j = bucketIndex.get(key.slice(bar + 1));
    if (j === undefined) continue;
    const v = toScaledInt(value);
    foundBlock.push(i);
    foundBucket.push(j);
    foundN.push(v.n);
    foundScale.push(v.scale);
    if (v.scale > usedScale) usedScale = v.scale;
  }
  const usedAt: Int[][] = input.buckets.map(() => []);
  const perHour = MS_PER_HOUR / timeUnit;
  for (let k = 0; k < foundN.length; k++) {
    usedAt[foundBucket[k]!]![foundBlock[k]!] = mulInt(foundN[k]!, mulInt(pow10Int(usedScale - foundScale[k]!), perHour));
  }
  const priced = input.blocks.map((b) => b.pricingModel === "reserved" && b.currency === input.currency);
  const rates = input.blocks.map((b, i) => (priced[i] ? toScaledInt(b.rate) : { n: 0, scale: 0 }));
  const rateScale = rates.reduce((max, r) => Math.max(max, r.scale), 0);
  const rate = rates.map((r) => mulInt(r.n, pow10Int(rateScale - r.scale)));
  const quantity = input.blocks.map((b) => mulInt(b.quantity, pow10Int(usedScale)));
  const ahUnit = BigInt(MS_PER_HOUR / timeUnit) * pow10(usedScale);
  const moneyUnit = ahUnit * pow10(rateScale);
  const toUsage = (u: Sums): Usage => {
    const capacityAh = ratio(u.capacity.value(), ahUnit);
    const usedAh = ratio(u.used.value(), ahUnit);
    return { capacityAh, usedAh, idleAh: ratio(u.idle.value(), ahUnit), idleCost: ratio(u.cost.value(), moneyUnit), utilization: utilization(usedAh, capacityAh) };
  };

  const perBlock = input.blocks.map(() => empty());
  const measuredTo = input.measuredTo.getTime();
  const buckets = input.buckets.map((bucket, j) => {
    const usedHere = usedAt[j]!;
    const total = empty();
    const groups = new Map<string, Sums>();
    const from = bucket.from.getTime();
    const to = Math.min(bucket.to.getTime(), measuredTo);
    input.blocks.forEach((b, i) => {
      const overlap = Math.min(to, b.endAt.getTime()) - Math.max(from, b.startAt.getTime());
      const used = usedHere[i] ?? 0;
      if (overlap <= 0 && used == 0) return; // == : 0 and 0n alike
      const capacity = overlap > 0 ? mulInt(quantity[i]!, overlap / timeUnit) : 0;
      const idle = capacity > used ? subInt(capacity, used) : 0;
      const cost = priced[i] && idle != 0 ? mulInt(idle, rate[i]!) : 0;
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
      const capacity = u.capacity.value();
      const used = u.used.value();
      const capacityAh = ratio(capacity, ahUnit);
      const usedAh = ratio(used, ahUnit);
      const cost = block.currency === input.currency ? idleCost({ pricingModel: block.pricingModel, rate: block.rate, capacityAh, usedAh }) : new Dec(0);
      const idleAh = ratio(capacity > used ? capacity - used : 0n, ahUnit);
      return { block, capacityAh, usedAh, idleAh, idleCost: cost, utilization: utilization(usedAh, capacityAh) };
    })
    .filter((b) => !b.capacityAh.isZero() || !b.usedAh.isZero())
    .sort((a, b) => b.idleCost.comparedTo(a.idleCost) || b.idleAh.comparedTo(a.idleAh) || a.block.name.localeCompare(b.block.name));
  const total = empty();
  for (const u of perBlock) add(total, u.capacity.value(), u.used.value(), u.idle.value(), u.cost.value());
  return { buckets, blocks, total: toUsage(total) };
}
