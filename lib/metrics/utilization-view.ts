import { capacityUnits } from "./capacity";
import { Dec } from "./decimal";
import { ExactSum, hourUnit, MS_PER_HOUR, mulInt, pow10, pow10Int, ratio, subInt, toScaledInt, type Int } from "./exact";
import { usageByBlock, type MonthlyUsage } from "./monthly-spend";
import type { Period } from "./period";
import type { PricingModel } from "./planned-cost";
import { idleCost, utilization } from "./utilization";

export type UsageBlock = {
  id: string;
  /** Set on a block cut to one allocation (the team / workload filter, whose `id` is the allocation's): its reservation. */
  reservationId?: string;
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
 * Utilization per bucket (month or day) and group, per group and per block over all buckets, from rollup used hours
 * (PRODUCT.md §3 utilization(P), the one rule of every page and KPI). A block with no rollup row in any bucket is
 * *unmeasured*: left out of capacity and use alike and returned in `unmeasured` (when it has capacity in the period),
 * so missing telemetry never reads as idle time. A measured block counts its full capacity in every bucket:
 * capacity_AH = quantity × hours(bucket ∩ [start, end) ∩ [.., measuredTo)) — hours not yet measured are left out;
 * idle AH = max(0, capacity − used); idle cost = (capacity − used) × rate for reserved blocks in `currency`
 * (lib/metrics/utilization.ts idleCost, applied per block and bucket in exact integers); a block's row applies
 * idleCost to its totals; blocks are ranked by idle cost, then idle AH, then name. Sums are exact; each figure is rounded once (Dec precision) when it is turned into a Dec.
 * A bucket's total is the sum of its groups; the period's idle cost is Σ rate × the block's idle AH summed by bucket.
 */
export function summarizeUtilization(input: {
  buckets: readonly Period[];
  blocks: readonly UsageBlock[];
  /** used_AH per block and bucket (the bucket starts in `months`, month or day). */
  usedAh: MonthlyUsage;
  measuredTo: Date;
  by: UtilizationGroupBy;
  currency: string;
  /** Only the first this many blocks of the ranking (the page's worst offenders); all when absent. */
  blockLimit?: number;
}): {
  buckets: BucketUsage[];
  /** Each group over the whole period. */
  groups: Map<string, Usage>;
  blocks: BlockUsage[];
  blockCount: number;
  /** Blocks with capacity in the period but no utilization row in it, by name. */
  unmeasured: UsageBlock[];
  total: Usage;
} {
  // measuredTo cuts buckets short, so it must fall on an hour too.
  const timeUnit = hourUnit([...input.buckets, { from: input.measuredTo, to: input.measuredTo }], input.blocks);
  const perHour = MS_PER_HOUR / timeUnit;
  // used_AH × 10^usedScale per block and bucket (undefined: the block reported nothing in the range)
  const { scale: usedScale, used: usedOf } = usageByBlock(input.usedAh, input.blocks, input.buckets);
  const priced = input.blocks.map((b) => b.pricingModel === "reserved" && b.currency === input.currency);
  const rates = input.blocks.map((b, i) => (priced[i] ? toScaledInt(b.rate) : { n: 0, scale: 0 }));
  const rateScale = rates.reduce((max, r) => Math.max(max, r.scale), 0);
  const rate = rates.map((r) => mulInt(r.n, pow10Int(rateScale - r.scale)));
  const ahUnit = BigInt(perHour) * pow10(usedScale);
  const moneyUnit = ahUnit * pow10(rateScale);
  const toUsage = (capacity: bigint, used: bigint, idle: bigint, cost: bigint): Usage => {
    const capacityAh = ratio(capacity, ahUnit);
    const usedAh = ratio(used, ahUnit);
    return {
      capacityAh,
      usedAh,
      idleAh: ratio(idle, ahUnit),
      idleCost: ratio(cost, moneyUnit),
      utilization: utilization(usedAh, capacityAh),
    };
  };

  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const groupOfBlock = input.blocks.map((b) => {
    const g = groupOf(b, input.by);
    let k = groupIndex.get(g);
    if (k === undefined) groupIndex.set(g, (k = groupNames.push(g) - 1));
    return k;
  });
  // sums[j][g]: bucket j, group g (created when a block of the group has capacity or use in the bucket)
  const sums: (Sums | undefined)[][] = input.buckets.map(() => []);
  const perBlock = input.blocks.map(() => ({ capacity: new ExactSum(), used: new ExactSum(), idle: new ExactSum() }));
  const perGroup = groupNames.map(() => empty());
  const unmeasured: UsageBlock[] = [];
  const measuredTo = input.measuredTo.getTime();
  const froms = input.buckets.map((b) => b.from.getTime());
  const tos = input.buckets.map((b) => b.to.getTime());
  input.blocks.forEach((b, i) => {
    const quantity = mulInt(b.quantity, pow10Int(usedScale));
    const start = b.startAt.getTime();
    const end = b.endAt.getTime();
    const usedHere = usedOf[i];
    if (!usedHere) {
      if (froms.some((from, j) => capacityUnits(quantity, start, end, from, tos[j]!, timeUnit, measuredTo) != 0)) unmeasured.push(b);
      return;
    }
    const own = perBlock[i]!;
    const g = groupOfBlock[i]!;
    const period = perGroup[g]!;
    for (let j = 0; j < froms.length; j++) {
      const capacity = capacityUnits(quantity, start, end, froms[j]!, tos[j]!, timeUnit, measuredTo);
      const reported = usedHere[j]!;
      if (capacity == 0 && reported == 0) continue; // == : 0 and 0n alike
      const used = reported == 0 ? 0 : mulInt(reported, perHour);
      const idle = capacity > used ? subInt(capacity, used) : 0;
      own.capacity.add(capacity);
      own.used.add(used);
      own.idle.add(idle);
      let into = sums[j]![g];
      if (!into) sums[j]![g] = into = empty();
      const cost = priced[i] && idle != 0 ? mulInt(idle, rate[i]!) : 0;
      add(into, capacity, used, idle, cost);
      add(period, capacity, used, idle, cost);
    }
  });
  const buckets = input.buckets.map((bucket, j) => {
    const groups = new Map<string, Usage>();
    let capacity = 0n;
    let used = 0n;
    let idle = 0n;
    let cost = 0n;
    sums[j]!.forEach((u, g) => {
      if (!u) return;
      const [c, us, id, co] = [u.capacity.value(), u.used.value(), u.idle.value(), u.cost.value()];
      groups.set(groupNames[g]!, toUsage(c, us, id, co));
      capacity += c;
      used += us;
      idle += id;
      cost += co;
    });
    return { bucket, total: toUsage(capacity, used, idle, cost), groups };
  });
  // Blocks ranked on exact integers: idle cost (max(0, capacity − used) × rate, the idleCost below in the sums'
  // money unit), then idle AH, then name; only the first `blockLimit` become Decs.
  const total = { capacity: 0n, used: 0n, idle: 0n, cost: 0n };
  const ranked: { i: number; capacity: bigint; used: bigint; idle: bigint; cost: bigint }[] = [];
  perBlock.forEach((u, i) => {
    const capacity = u.capacity.value();
    const used = u.used.value();
    const idleSum = u.idle.value();
    total.capacity += capacity;
    total.used += used;
    total.idle += idleSum;
    if (priced[i]) total.cost += idleSum * BigInt(rate[i]!);
    if (capacity === 0n && used === 0n) return;
    const idle = capacity > used ? capacity - used : 0n;
    ranked.push({ i, capacity, used, idle, cost: priced[i] ? idle * BigInt(rate[i]!) : 0n });
  });
  const desc = (x: bigint, y: bigint) => (x > y ? -1 : x < y ? 1 : 0);
  ranked.sort((x, y) => desc(x.cost, y.cost) || desc(x.idle, y.idle) || input.blocks[x.i]!.name.localeCompare(input.blocks[y.i]!.name));
  const blocks = ranked.slice(0, input.blockLimit ?? ranked.length).map(({ i, capacity, used, idle }) => {
    const block = input.blocks[i]!;
    const capacityAh = ratio(capacity, ahUnit);
    const usedAh = ratio(used, ahUnit);
    const cost =
      block.currency === input.currency ? idleCost({ pricingModel: block.pricingModel, rate: block.rate, capacityAh, usedAh }) : new Dec(0);
    return { block, capacityAh, usedAh, idleAh: ratio(idle, ahUnit), idleCost: cost, utilization: utilization(usedAh, capacityAh) };
  });
  const groups = new Map<string, Usage>();
  perGroup.forEach((u, g) => {
    if (u.capacity.value() !== 0n || u.used.value() !== 0n)
      groups.set(groupNames[g]!, toUsage(u.capacity.value(), u.used.value(), u.idle.value(), u.cost.value()));
  });
  unmeasured.sort((a, b) => a.name.localeCompare(b.name));
  return {
    buckets,
    groups,
    blocks,
    blockCount: ranked.length,
    unmeasured,
    total: toUsage(total.capacity, total.used, total.idle, total.cost),
  };
}
