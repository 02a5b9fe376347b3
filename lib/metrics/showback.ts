import { Dec } from "./decimal";

// PRODUCT.md §3 "allocation", the showback half: one month of one currency. A block's cost in the month (actual where
// its provider's month is billed, planned otherwise — the Costs rule) is split by accelerator-hours: each workload's
// allocation carries its used and idle share; what no allocation holds is the block's free pool. The free pools of
// every block form the month's shared pool, distributed by the pool's rule and shown as its own column. Charges tied
// to no block go to the workload a rule names, else stay unallocated. A pool is an accelerator family: each family's
// free pools are distributed by that family's rule (proportional when it has none), weighted by the allocations held
// in that family. Every split gives its remainder to its last
// part, so Σ workloads + Σ shared + unallocated = total exactly (in Dec), and `centsKeepingSum` rounds for display
// without breaking it.

/** How a pool's shared cost (its blocks' free pools) is distributed. */
export type PoolRule = { kind: "proportional" } | { kind: "even" } | { kind: "team"; teamId: string };

export type ShowbackAllocation = {
  workloadId: string;
  /** Accelerator-hours of the block this allocation holds in the month. */
  allocatedAh: Dec;
  /** Used AH the feed reported for this workload on this block; null when it reported none. */
  usedAh: Dec | null;
};

export type ShowbackBlock = {
  /** The pool the block's free capacity falls into: its accelerator family. */
  family: string;
  /** The block's cost in the month: actual or planned, never both. */
  cost: Dec;
  /** capacity_AH(b, month). */
  capacityAh: Dec;
  /** used_AH(b, month) of the whole block; null when the block is unmeasured in the month. */
  usedAh: Dec | null;
  allocations: readonly ShowbackAllocation[];
};

export type WorkloadCost = {
  allocatedAh: Dec;
  usedAh: Dec;
  idleAh: Dec;
  usedCost: Dec;
  idleCost: Dec;
  /** Allocated cost on blocks that reported no use in the month: neither used nor idle is known. */
  unmeasuredCost: Dec;
  /** Charges tied to no block that a rule gives to this workload. */
  directCost: Dec;
};

export type BlockSplit = { workloads: Map<string, WorkloadCost>; freeAh: Dec; freeCost: Dec };

const zero = () => new Dec(0);
export const emptyWorkloadCost = (): WorkloadCost => ({
  allocatedAh: zero(),
  usedAh: zero(),
  idleAh: zero(),
  usedCost: zero(),
  idleCost: zero(),
  unmeasuredCost: zero(),
  directCost: zero(),
});

/** A workload's cost in total: used + idle + unmeasured + direct (its share of the shared pool is apart). */
export function ownCost(c: WorkloadCost): Dec {
  return c.usedCost.plus(c.idleCost).plus(c.unmeasuredCost).plus(c.directCost);
}

const min = (a: Dec, b: Dec) => (a.lt(b) ? a : b);

/**
 * One block in one month split among its allocations and its free pool. A workload's used AH is what the feed
 * reported for it (up to its allocation) when every allocation of the block reported; otherwise the block's used AH
 * shared pro rata to the allocations (each at most fully used; use beyond the allocations is the free pool's).
 * Used and idle AH are priced at the block's cost per AH; the free pool gets the rest of the cost.
 */
export function splitBlock(block: ShowbackBlock): BlockSplit {
  const workloads = new Map<string, WorkloadCost>();
  const allocated = block.allocations.reduce((s, a) => s.plus(a.allocatedAh), zero());
  if (block.capacityAh.lte(0) || allocated.lte(0)) return { workloads, freeAh: block.capacityAh, freeCost: block.cost };
  const rate = block.cost.div(block.capacityAh);
  const perWorkload = block.allocations.every((a) => a.usedAh !== null);
  const fill = block.usedAh === null ? null : min(block.usedAh.div(allocated), new Dec(1));
  let spent = zero();
  for (const a of block.allocations) {
    const c = workloads.get(a.workloadId) ?? emptyWorkloadCost();
    const cost = a.allocatedAh.times(rate);
    c.allocatedAh = c.allocatedAh.plus(a.allocatedAh);
    if (perWorkload || fill !== null) {
      const used = perWorkload ? min(a.usedAh!, a.allocatedAh) : a.allocatedAh.times(fill!);
      const usedCost = used.times(rate);
      c.usedAh = c.usedAh.plus(used);
      c.idleAh = c.idleAh.plus(a.allocatedAh.minus(used));
      c.usedCost = c.usedCost.plus(usedCost);
      c.idleCost = c.idleCost.plus(cost.minus(usedCost));
    } else c.unmeasuredCost = c.unmeasuredCost.plus(cost);
    spent = spent.plus(cost);
    workloads.set(a.workloadId, c);
  }
  return { workloads, freeAh: block.capacityAh.minus(allocated), freeCost: block.cost.minus(spent) };
}

/** `amount` split by `weights` (keys in order), the last key taking the remainder; empty when no weight is positive. */
function splitByWeight(amount: Dec, weights: ReadonlyMap<string, Dec>): Map<string, Dec> {
  const keys = [...weights.keys()].filter((k) => weights.get(k)!.gt(0));
  const out = new Map<string, Dec>();
  const total = keys.reduce((s, k) => s.plus(weights.get(k)!), zero());
  let given = zero();
  keys.forEach((k, i) => {
    const part = i === keys.length - 1 ? amount.minus(given) : amount.times(weights.get(k)!).div(total);
    given = given.plus(part);
    out.set(k, part);
  });
  return out;
}

export type PoolShare = { ah: Dec; cost: Dec; rule: PoolRule; sharedByTeam: Map<string, Dec>; unallocated: Dec };

export type MonthShowback = {
  byWorkload: Map<string, WorkloadCost>;
  /** The shared pools' cost per team it was distributed to (every family summed). */
  sharedByTeam: Map<string, Dec>;
  /** The free pools of the month's blocks (what is distributed as shared), all families. */
  pool: { ah: Dec; cost: Dec };
  /** Per family: its free pools, the rule applied and where its cost went. */
  pools: Map<string, PoolShare>;
  /** Charges tied to no block and no workload, and a pool no one could be given. */
  unallocated: Dec;
  total: Dec;
};

const PROPORTIONAL: PoolRule = { kind: "proportional" };

/**
 * One pool's cost distributed by its rule: proportional to each team's allocated AH in the pool, even across the
 * teams holding an allocation in it, or all to one team. Empty when no team holds an allocation in the pool.
 */
export function distributePool(cost: Dec, rule: PoolRule, weights: ReadonlyMap<string, Dec>): Map<string, Dec> {
  if (rule.kind === "team") return new Map([[rule.teamId, cost]]);
  const positive = new Map([...weights].filter(([, w]) => w.gt(0)));
  return splitByWeight(cost, rule.kind === "even" ? new Map([...positive.keys()].map((t) => [t, new Dec(1)])) : positive);
}

/**
 * One month's showback: the blocks split, charges tied to no block given to their workload (null: unallocated),
 * and each family's pool distributed by `rules` (a family without a rule: proportional), weighted by the
 * allocations held in that family. A pool with no one to take it stays unallocated.
 */
export function showbackMonth(input: {
  blocks: readonly ShowbackBlock[];
  untied: readonly { workloadId: string | null; amount: Dec }[];
  teamOf: ReadonlyMap<string, string>;
  rules: ReadonlyMap<string, PoolRule>;
}): MonthShowback {
  const byWorkload = new Map<string, WorkloadCost>();
  const pool = { ah: zero(), cost: zero() };
  const families = new Map<string, { ah: Dec; cost: Dec; weights: Map<string, Dec> }>();
  let total = zero();
  let unallocated = zero();
  const into = (id: string) => {
    let c = byWorkload.get(id);
    if (!c) byWorkload.set(id, (c = emptyWorkloadCost()));
    return c;
  };
  for (const block of input.blocks) {
    total = total.plus(block.cost);
    const split = splitBlock(block);
    pool.ah = pool.ah.plus(split.freeAh);
    pool.cost = pool.cost.plus(split.freeCost);
    let family = families.get(block.family);
    if (!family) families.set(block.family, (family = { ah: zero(), cost: zero(), weights: new Map() }));
    family.ah = family.ah.plus(split.freeAh);
    family.cost = family.cost.plus(split.freeCost);
    for (const [id, s] of split.workloads) {
      const c = into(id);
      for (const k of Object.keys(s) as (keyof WorkloadCost)[]) c[k] = c[k].plus(s[k]);
      const team = input.teamOf.get(id);
      if (team !== undefined) family.weights.set(team, (family.weights.get(team) ?? zero()).plus(s.allocatedAh));
    }
  }
  for (const charge of input.untied) {
    total = total.plus(charge.amount);
    if (charge.workloadId === null) unallocated = unallocated.plus(charge.amount);
    else into(charge.workloadId).directCost = into(charge.workloadId).directCost.plus(charge.amount);
  }
  const sharedByTeam = new Map<string, Dec>();
  const pools = new Map<string, PoolShare>();
  for (const [name, f] of families) {
    const rule = input.rules.get(name) ?? PROPORTIONAL;
    const shares = distributePool(f.cost, rule, f.weights);
    const left = shares.size === 0 ? f.cost : zero();
    unallocated = unallocated.plus(left);
    for (const [team, v] of shares) sharedByTeam.set(team, (sharedByTeam.get(team) ?? zero()).plus(v));
    pools.set(name, { ah: f.ah, cost: f.cost, rule, sharedByTeam: shares, unallocated: left });
  }
  return { byWorkload, sharedByTeam, pool, pools, unallocated, total };
}

/**
 * Rounds amounts to cents so that they add up to `total` rounded to cents (largest remainder: the cents lost to
 * rounding down go to the amounts that lost the most), so a table's rows always sum to its total line.
 */
export function centsKeepingSum(amounts: readonly Dec[], total: Dec): Dec[] {
  const target = total.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_EVEN);
  const floors = amounts.map((a) => a.times(100).floor());
  let short = target.minus(floors.reduce((s, f) => s.plus(f), zero())).toNumber();
  const order = amounts
    .map((a, i) => ({ i, rest: a.times(100).minus(floors[i]!) }))
    .sort((x, y) => y.rest.comparedTo(x.rest) || x.i - y.i)
    .map((x) => x.i);
  const out = floors.slice();
  for (let k = 0; short > 0 && order.length > 0; k = (k + 1) % order.length, short--) out[order[k]!] = out[order[k]!]!.plus(1);
  for (let k = order.length - 1; short < 0 && order.length > 0; k = (k - 1 + order.length) % order.length, short++)
    out[order[k]!] = out[order[k]!]!.minus(1);
  return out.map((c) => c.div(100));
}
