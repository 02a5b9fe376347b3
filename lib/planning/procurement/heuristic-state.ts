import type { BlockColumn, PlanModel } from "./model";
import type { PlanOffer, PlanWorld } from "./types";

// The heuristic's plan in progress (heuristic.ts): the limits read from the model's rows (coverage, power per
// site-month, caps, budget, offer quantities) and the running totals, with the checks and moves the search uses.

/** Slack below which a total counts as at its limit. */
export const TOL = 1e-7;

type Dim = "provider" | "vendor" | "site";
const holderOf = (o: PlanOffer, d: Dim): string | null => (d === "provider" ? o.providerId : d === "vendor" ? o.vendor : o.siteId);

type CapEntry = { dim: Dim; holder: string; cap: number; rhs: Float64Array; held: Float64Array };

/** Everything that limits a plan's steps, from the model's rows, and the plan's running totals. */
export class State {
  readonly n: Float64Array;
  readonly cover: Float64Array[];
  readonly need: Float64Array[];
  readonly siteMw: Float64Array[];
  readonly powerRhs: Float64Array[];
  readonly total: Float64Array;
  readonly held = new Map<string, Float64Array>();
  readonly capRhs = new Map<string, Float64Array>();
  readonly capList: CapEntry[] = [];
  /** The cap rows of each offer's own holders. */
  readonly offerCaps: CapEntry[][];
  readonly qty: Float64Array;
  spent = 0;
  /** Σ unmet H100e-months. */
  unmet = 0;
  /** Every add(), to undo a trial move. */
  readonly log: [number, number][] = [];
  readonly budget: number;
  readonly siteIndex = new Map<string, number>();
  readonly familyIndex: Map<string, number>;
  readonly M: number;
  readonly costs: Float64Array;
  readonly ks: Float64Array;
  /** Per block: its family's index, its first month and the month after its last, USD per H100e-month. */
  readonly blockFamily: Int32Array;
  readonly blockStart: Int32Array;
  readonly blockEnd: Int32Array;
  readonly unitCosts: Float64Array;
  /** Block indices, dearest per H100e-month first, and cheapest first. */
  readonly order: number[];
  readonly cheap: number[];

  constructor(
    readonly world: PlanWorld,
    readonly model: PlanModel,
  ) {
    const M = world.months.length;
    this.M = M;
    const a = model.arrays;
    this.n = new Float64Array(model.blocks.length);
    this.familyIndex = new Map(world.families.map((f, i) => [f, i]));
    this.cover = world.families.map(() => new Float64Array(M));
    this.need = world.families.map((f) =>
      Float64Array.from(world.months, (_, m) => Math.max(0, (world.demand[f]?.[m] ?? 0) - (world.existingCapacity[f]?.[m] ?? 0))),
    );
    world.sites.forEach((s, i) => this.siteIndex.set(s.id, i));
    this.siteMw = world.sites.map(() => new Float64Array(M));
    this.powerRhs = world.sites.map(() => new Float64Array(M).fill(Infinity));
    this.total = new Float64Array(M);
    this.qty = new Float64Array(world.offers.length);
    let budget = Infinity;
    model.rows.forEach((row, r) => {
      const up = a.rowUpper[r] ?? Infinity;
      if (row.kind === "power") (this.powerRhs[row.site] as Float64Array)[row.month] = up;
      else if (row.kind === "cap") {
        const key = `${row.dimension}:${row.holder}`;
        const rhs = this.capRhs.get(key) ?? new Float64Array(M).fill(Infinity);
        rhs[row.month] = up;
        this.capRhs.set(key, rhs);
      } else if (row.kind === "budget") budget = up;
    });
    this.budget = budget;
    for (const need of this.need) for (const x of need) this.unmet += x;
    for (const key of this.capRhs.keys()) this.held.set(key, new Float64Array(M));
    for (const [key, rhs] of this.capRhs) {
      const [dim, holder] = key.split(/:(.*)/s) as [Dim, string];
      const cap = world.caps[dim];
      if (cap !== undefined) this.capList.push({ dim, holder, cap, rhs, held: this.held.get(key) as Float64Array });
    }
    this.offerCaps = world.offers.map((o) => this.capList.filter((e) => holderOf(o, e.dim) === e.holder));
    this.costs = Float64Array.from(model.blocks, (b) => model.arrays.colCost[model.column(b.name) ?? 0] ?? 0);
    this.ks = Float64Array.from(model.blocks, (b) => {
      const o = world.offers[b.offer] as PlanOffer;
      return o.step * o.h100ePerUnit;
    });
    this.blockFamily = Int32Array.from(model.blocks, (b) => this.familyIndex.get(world.offers[b.offer]?.family ?? "") ?? 0);
    this.blockStart = Int32Array.from(model.blocks, (b) => b.start);
    this.blockEnd = Int32Array.from(model.blocks, (b) => b.end);
    this.unitCosts = Float64Array.from(model.blocks, (b, j) => (this.costs[j] ?? 0) / ((this.ks[j] ?? 0) * Math.max(1, b.end - b.start)));
    this.order = model.blocks.map((_, j) => j).sort((x, y) => unitCost(this, y) - unitCost(this, x));
    this.cheap = [...this.order].reverse();
  }

  offer(j: number): PlanOffer {
    return this.world.offers[(this.model.blocks[j] as BlockColumn).offer] as PlanOffer;
  }

  cost(j: number): number {
    return this.costs[j] ?? 0;
  }

  /** H100e one step of block j covers. */
  k(j: number): number {
    return this.ks[j] ?? 0;
  }

  cap(d: Dim): number | undefined {
    return this.world.caps[d];
  }

  /** Adds δ steps to block j, updating every running total. */
  add(j: number, delta: number): void {
    const b = this.model.blocks[j] as BlockColumn;
    const o = this.offer(j);
    this.n[j] = (this.n[j] ?? 0) + delta;
    const k = delta * o.step * o.h100ePerUnit;
    const f = this.familyIndex.get(o.family) ?? 0;
    const si = o.siteId === null ? undefined : this.siteIndex.get(o.siteId);
    const caps = this.offerCaps[b.offer] ?? [];
    const cover = this.cover[f] as Float64Array;
    const need = this.need[f] as Float64Array;
    this.log.push([j, delta]);
    for (let m = b.start; m < b.end; m++) {
      const c = cover[m] ?? 0;
      const nd = need[m] ?? 0;
      this.unmet += Math.max(0, nd - c - k) - Math.max(0, nd - c);
      cover[m] = c + k;
      if (si !== undefined)
        (this.siteMw[si] as Float64Array)[m] =
          ((this.siteMw[si] as Float64Array)[m] ?? 0) + (delta * o.step * o.facilityWattsPerUnit) / 1e6;
      this.total[m] = (this.total[m] ?? 0) + k;
      for (const e of caps) e.held[m] = (e.held[m] ?? 0) + k;
    }
    this.qty[b.offer] = (this.qty[b.offer] ?? 0) + delta * o.step;
    this.spent += delta * this.cost(j);
  }

  /** Largest number of steps block j may gain within power, its caps, its offer's maximum and the budget. */
  room(j: number): number {
    const b = this.model.blocks[j] as BlockColumn;
    const o = this.offer(j);
    let r = b.ub - (this.n[j] ?? 0);
    const max = o.maxQuantity ?? Infinity;
    r = Math.min(r, Math.floor((max - (this.qty[b.offer] ?? 0)) / o.step + TOL));
    const c = this.cost(j);
    if (Number.isFinite(this.budget) && c > 0) r = Math.min(r, Math.floor((this.budget - this.spent) / c + TOL));
    const si = o.siteId === null ? undefined : this.siteIndex.get(o.siteId);
    const mw = (o.step * o.facilityWattsPerUnit) / 1e6;
    const k = this.k(j);
    const caps = this.offerCaps[b.offer] ?? [];
    for (let m = b.start; m < b.end && r > 0; m++) {
      if (si !== undefined && mw > 0) {
        const rhs = (this.powerRhs[si] as Float64Array)[m] ?? Infinity;
        if (Number.isFinite(rhs)) r = Math.min(r, Math.floor((rhs - ((this.siteMw[si] as Float64Array)[m] ?? 0)) / mw + TOL));
      }
      for (const e of caps) {
        const rhs = e.rhs[m] ?? Infinity;
        if (!Number.isFinite(rhs) || e.cap >= 1) continue;
        const lhs = (e.held[m] ?? 0) - e.cap * (this.total[m] ?? 0);
        r = Math.min(r, Math.floor((rhs - lhs) / (k * (1 - e.cap)) + TOL));
      }
    }
    return Math.max(0, r);
  }

  objective(): number {
    return this.spent + this.model.penalty * this.unmet;
  }

  /** Whether removing δ steps of block j keeps every other holder within its cap (fewer added H100e in total). */
  canRemove(j: number, delta: number): boolean {
    const b = this.model.blocks[j] as BlockColumn;
    const o = this.offer(j);
    const k = delta * this.k(j);
    const left = (this.qty[b.offer] ?? 0) - delta * o.step;
    if (left > TOL && left < o.minQuantity - TOL) return false;
    const own = new Set(this.offerCaps[b.offer] ?? []);
    for (const e of this.capList) {
      const mine = own.has(e);
      for (let m = b.start; m < b.end; m++) {
        const now = (e.held[m] ?? 0) - e.cap * (this.total[m] ?? 0);
        const lhs = now - (mine ? k : 0) + e.cap * k;
        if (lhs > (e.rhs[m] ?? Infinity) + TOL && lhs > now + TOL) return false;
      }
    }
    return true;
  }

  /** Penalty avoided by δ more steps of block j (negative δ: penalty added). */
  coverValue(j: number, delta: number): number {
    const b = this.model.blocks[j] as BlockColumn;
    const o = this.offer(j);
    const f = this.familyIndex.get(o.family) ?? 0;
    const need = this.need[f] as Float64Array;
    const cover = this.cover[f] as Float64Array;
    const k = delta * this.k(j);
    let v = 0;
    for (let m = b.start; m < b.end; m++) {
      const before = Math.max(0, (need[m] ?? 0) - (cover[m] ?? 0));
      v += before - Math.max(0, (need[m] ?? 0) - (cover[m] ?? 0) - k);
    }
    return v * this.model.penalty;
  }

  /**
   * Whether the given moves (block, δ steps) broke a row, the plan before them keeping every row: only the rows
   * they touch are read (their offers' quantities, their site's power and every cap in their months, the budget).
   */
  brokenBy(moves: [number, number][]): boolean {
    if (this.spent > this.budget + 1e-6) return true;
    for (const [j] of moves) {
      const b = this.model.blocks[j] as BlockColumn;
      const o = this.world.offers[b.offer] as PlanOffer;
      const q = this.qty[b.offer] ?? 0;
      if (q > (o.maxQuantity ?? Infinity) + TOL || (q > TOL && q < o.minQuantity - TOL)) return true;
      const si = o.siteId === null ? undefined : this.siteIndex.get(o.siteId);
      const mw = si === undefined ? undefined : (this.siteMw[si] as Float64Array);
      const rhs = si === undefined ? undefined : (this.powerRhs[si] as Float64Array);
      for (let m = b.start; m < b.end; m++) {
        if (mw && rhs && (mw[m] ?? 0) > (rhs[m] ?? Infinity) + 1e-6) return true;
        for (const e of this.capList) if ((e.held[m] ?? 0) - e.cap * (this.total[m] ?? 0) > (e.rhs[m] ?? Infinity) + 1e-6) return true;
      }
    }
    return false;
  }

  /** The rows the steps break: [block columns to take a step off, or null when none is broken]. */
  violated(): number[] | null {
    const { world, model } = this;
    const byOfferOver = new Set<number>();
    world.offers.forEach((o, oi) => {
      const q = this.qty[oi] ?? 0;
      if (q > (o.maxQuantity ?? Infinity) + TOL || (q > TOL && q < o.minQuantity - TOL)) byOfferOver.add(oi);
    });
    const bad: number[] = [];
    const over = (j: number): boolean => {
      const b = model.blocks[j] as BlockColumn;
      const o = world.offers[b.offer] as PlanOffer;
      if (byOfferOver.has(b.offer)) return true;
      const si = o.siteId === null ? undefined : this.siteIndex.get(o.siteId);
      for (let m = b.start; m < b.end; m++) {
        if (si !== undefined && ((this.siteMw[si] as Float64Array)[m] ?? 0) > ((this.powerRhs[si] as Float64Array)[m] ?? Infinity) + 1e-6)
          return true;
        for (const e of this.offerCaps[b.offer] ?? []) {
          if ((e.held[m] ?? 0) - e.cap * (this.total[m] ?? 0) > (e.rhs[m] ?? Infinity) + 1e-6) return true;
        }
      }
      return false;
    };
    for (let j = 0; j < model.blocks.length; j++) if ((this.n[j] ?? 0) > 0 && over(j)) bad.push(j);
    if (this.spent > this.budget + 1e-6) for (let j = 0; j < model.blocks.length; j++) if ((this.n[j] ?? 0) > 0) bad.push(j);
    return bad.length > 0 ? bad : null;
  }
}

/** USD per H100e-month a block's step costs if all its months are needed. */
export function unitCost(s: State, j: number): number {
  return s.unitCosts[j] ?? 0;
}
