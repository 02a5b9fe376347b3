import type { ArrayModel } from "./lp-writer";
import type { BlockColumn, PlanModel } from "./model";
import type { PlanOffer, PlanWorld } from "./types";
import { State, TOL, unitCost } from "./heuristic-state";

// A primal heuristic from the LP relaxation (direct formulation): round each block's steps up, repair what that
// breaks (offer maximum, power per site-month, concentration caps, budget, offer minimum) by taking steps off the
// dearest blocks, trim steps that cover no shortfall, then refill the shortfall left greedily with the cheapest
// blocks that still fit. Its plan is HiGHS' starting incumbent and stands when the MIP finds nothing better.

const ROUNDS = 4;
const TRIES = 8;

/** Steps of each block column (by index into model.blocks) of a feasible plan near the LP relaxation, or null. */
export function roundRelaxation(
  world: PlanWorld,
  model: PlanModel,
  lpValue: (name: string) => number,
  /** Wall ms the local search may take (it tries the coarsest blocks first). */
  improveMs = 1500,
  /** The local search stops once the plan costs no more than this (the gap asked for, against the relaxation). */
  goodEnough = -Infinity,
): Float64Array | null {
  let best: State | null = null;
  for (const round of [Math.ceil, Math.floor]) {
    const s = attempt(world, model, lpValue, round);
    if (s && (!best || s.objective() < best.objective())) best = s;
  }
  if (!best) return null;
  improve(best, performance.now() + improveMs, goodEnough);
  return best.violated() ? null : best.n;
}

function attempt(world: PlanWorld, model: PlanModel, lpValue: (name: string) => number, round: (x: number) => number): State | null {
  const s = new State(world, model);
  model.blocks.forEach((b, j) => {
    const v = lpValue(b.name);
    const steps = Math.min(b.ub, round(v - 1e-6));
    if (v > 1e-6 && steps > 0) s.add(j, steps);
  });

  // Repair: a step off the dearest block (per H100e-month) that breaks a row, until none is broken.
  for (let pass = 0; pass < 100_000; pass++) {
    const bad = s.violated();
    if (!bad) break;
    const offers = new Map<number, number[]>();
    for (const j of bad) {
      const oi = (model.blocks[j] as BlockColumn).offer;
      offers.set(oi, [...(offers.get(oi) ?? []), j]);
    }
    // An offer under its minimum is dropped whole; otherwise steps off the worst block of each broken offer.
    for (const [oi, js] of offers) {
      const o = world.offers[oi] as PlanOffer;
      const q = s.qty[oi] ?? 0;
      if (q > TOL && q < o.minQuantity - TOL) {
        for (const j of js) s.add(j, -(s.n[j] ?? 0));
        continue;
      }
      const worst = js.reduce((x, y) => (unitCost(s, y) > unitCost(s, x) ? y : x));
      const steps = Math.max(1, Math.ceil((s.n[worst] ?? 0) / 8));
      s.add(worst, -Math.min(steps, s.n[worst] ?? 0));
    }
  }
  if (s.violated()) return null;

  // Trim: steps that cover no shortfall, or cost more than the penalty they avoid.
  for (const j of s.order) trim(s, j);
  refill(s, s.cheap);
  refill(s, s.cheap);
  return s.violated() ? null : s;
}

function trim(s: State, j: number): void {
  if ((s.n[j] ?? 0) <= 0) return;
  const b = s.model.blocks[j] as BlockColumn;
  const f = s.familyIndex.get(s.offer(j).family) ?? 0;
  let surplus = Infinity;
  for (let m = b.start; m < b.end; m++)
    surplus = Math.min(surplus, ((s.cover[f] as Float64Array)[m] ?? 0) - ((s.need[f] as Float64Array)[m] ?? 0));
  const free = Math.min(s.n[j] ?? 0, Math.floor(surplus / s.k(j) + TOL));
  if (free > 0 && s.canRemove(j, free)) s.add(j, -free);
  for (let i = 0; i < 4 && (s.n[j] ?? 0) > 0 && s.cost(j) > -s.coverValue(j, -1) + 1e-9 && s.canRemove(j, 1); i++) s.add(j, -1);
}

/** The cheapest blocks that fit, each by the number of steps that saves most. */
function refill(s: State, candidates: number[]): void {
  const { model, world } = s;
  for (const j of candidates) {
    const b = model.blocks[j] as BlockColumn;
    const o = world.offers[b.offer] as PlanOffer;
    const f = s.familyIndex.get(o.family) ?? 0;
    const k = s.k(j);
    const gaps: number[] = [];
    for (let m = b.start; m < b.end; m++) {
      const g = ((s.need[f] as Float64Array)[m] ?? 0) - ((s.cover[f] as Float64Array)[m] ?? 0);
      if (g > 1e-9) gaps.push(g);
    }
    if (gaps.length === 0) continue;
    const room = s.room(j);
    if (room <= 0) continue;
    const minSteps = (s.qty[b.offer] ?? 0) > TOL ? 1 : Math.max(1, Math.ceil(o.minQuantity / o.step - TOL));
    const tries = new Set<number>([room]);
    for (const g of gaps) for (const d of [Math.floor(g / k), Math.ceil(g / k)]) if (d >= minSteps && d <= room) tries.add(d);
    let best = 0;
    let bestGain = 1e-6;
    for (const d of tries) {
      if (d < minSteps) continue;
      const gain = s.coverValue(j, d) - d * s.cost(j);
      if (gain > bestGain) [best, bestGain] = [d, gain];
    }
    if (best > 0) s.add(j, best);
  }
}

/** The shortfall closed block by block, each time by the steps that cover it at the lowest USD per H100e-month. */
function refillBest(s: State, candidates: number[], from: number, to: number): void {
  const { model, world } = s;
  const M = s.M;
  // Months still short, counted from the left per family: a block whose months have none is skipped at once.
  const short = s.world.families.map(() => new Int32Array(M + 1));
  for (let iteration = 0; iteration < 10; iteration++) {
    short.forEach((count, f) => {
      const need = s.need[f] as Float64Array;
      const cover = s.cover[f] as Float64Array;
      for (let m = 0; m < M; m++) count[m + 1] = (count[m] ?? 0) + ((need[m] ?? 0) - (cover[m] ?? 0) > 1e-9 ? 1 : 0);
    });
    let best = -1;
    let bestSteps = 0;
    let bestRatio = Infinity;
    for (const j of candidates) {
      // Candidates come cheapest per H100e-month first, and no step covers more than all its months: none after
      // this one can beat the best ratio found.
      if ((s.unitCosts[j] ?? 0) / model.penalty >= bestRatio) break;
      const start = s.blockStart[j] ?? 0;
      const end = s.blockEnd[j] ?? 0;
      if (start >= to || end <= from) continue;
      const f = s.blockFamily[j] ?? 0;
      const count = short[f] as Int32Array;
      const shortMonths = (count[end] ?? 0) - (count[start] ?? 0);
      const k = s.k(j);
      // A step covers at most k H100e in each short month: a lower bound on its USD per H100e-month.
      if (shortMonths === 0 || s.cost(j) / (k * shortMonths * model.penalty) >= bestRatio) continue;
      const b = model.blocks[j] as BlockColumn;
      const o = world.offers[b.offer] as PlanOffer;
      const need = s.need[f] as Float64Array;
      const cover = s.cover[f] as Float64Array;
      let low = Infinity;
      let high = 0;
      for (let m = b.start; m < b.end; m++) {
        const g = (need[m] ?? 0) - (cover[m] ?? 0);
        if (g > 1e-9) [low, high] = [Math.min(low, g), Math.max(high, g)];
      }
      if (high === 0) continue;
      const tries = [Math.floor(low / k), Math.ceil(low / k), Math.floor(high / k), Math.ceil(high / k)];
      const minSteps = (s.qty[b.offer] ?? 0) > TOL ? 1 : Math.max(1, Math.ceil(o.minQuantity / o.step - TOL));
      // USD per H100e-month never falls as steps are added (each month covers at most its gap): the fewest steps
      // allowed bound every try from below, so a block that cannot beat the best skips the costlier room check.
      if ((minSteps * s.cost(j)) / s.coverValue(j, minSteps) >= bestRatio) continue;
      // An offer bought to its maximum has no room: skip the month-by-month check.
      if ((s.qty[b.offer] ?? 0) + o.step > (o.maxQuantity ?? Infinity) + TOL) continue;
      const room = s.room(j);
      if (room <= 0) continue;
      for (const d of new Set(tries.map((d) => Math.min(d, room)))) {
        if (d < minSteps) continue;
        const covered = s.coverValue(j, d);
        const ratio = (d * s.cost(j)) / covered;
        if (covered > d * s.cost(j) && ratio < bestRatio) [best, bestSteps, bestRatio] = [j, d, ratio];
      }
    }
    if (best < 0) return;
    s.add(best, bestSteps);
  }
}

/** Local search: a step off a coarse block, its gap refilled by the family's cheapest blocks; kept when cheaper. */
function improve(s: State, deadline: number, goodEnough: number): void {
  const byFamily = s.world.families.map((family) => s.cheap.filter((j) => s.offer(j).family === family));
  const coarse = s.model.blocks.map((_, j) => j).sort((x, y) => s.k(y) - s.k(x));
  for (let round = 0; round < 1 + ROUNDS; round++) {
    const best = round > 0;
    let better = false;
    for (const j of coarse) {
      if (performance.now() > deadline || s.objective() <= goodEnough) return;
      for (let tries = 0; tries < TRIES && (s.n[j] ?? 0) > 0; tries++) {
        if (!s.canRemove(j, 1)) break;
        const before = s.objective();
        const mark = s.log.length;
        s.add(j, -1);
        const family = byFamily[s.familyIndex.get(s.offer(j).family) ?? 0] ?? [];
        const b = s.model.blocks[j] as BlockColumn;
        if (best) refillBest(s, family, b.start, b.end);
        else refill(s, family);
        for (const i of family) if (i !== j && (s.n[i] ?? 0) > 0) trim(s, i);
        if (s.objective() < before - 1e-6 && !s.brokenBy(s.log.slice(mark))) {
          better = true;
          continue;
        }
        while (s.log.length > mark) {
          const [i, d] = s.log.pop() as [number, number];
          s.add(i, -d);
          s.log.pop();
        }
        break;
      }
    }
    if (!better && best) break;
  }
}

/**
 * The model's column values for the given block steps (by block name): used binaries, unmet, the added-total and
 * stock columns derived; null when a row is broken beyond a small tolerance.
 */
export function completeSolution(world: PlanWorld, model: PlanModel, steps: Map<string, number>): Float64Array | null {
  const a: ArrayModel = model.arrays;
  const x = new Float64Array(a.numCols);
  const M = world.months.length;
  const total = new Float64Array(M);
  const stock = new Map<string, number>();
  const covered = world.families.map(() => new Float64Array(M));
  const familyIndex = new Map(world.families.map((f, i) => [f, i]));
  const qty = new Float64Array(world.offers.length);
  for (const b of model.blocks) {
    const v = steps.get(b.name) ?? 0;
    if (v <= 0) continue;
    const i = model.column(b.name);
    if (i === undefined) return null;
    x[i] = v;
    const o = world.offers[b.offer] as PlanOffer;
    qty[b.offer] = (qty[b.offer] ?? 0) + v * o.step;
    const f = familyIndex.get(o.family) ?? 0;
    for (let m = b.start; m < b.end; m++) {
      (covered[f] as Float64Array)[m] = ((covered[f] as Float64Array)[m] ?? 0) + v * o.step * o.h100ePerUnit;
      total[m] = (total[m] ?? 0) + v * o.step * o.h100ePerUnit;
      stock.set(`a${b.offer}_${m}`, (stock.get(`a${b.offer}_${m}`) ?? 0) + v * o.step);
    }
  }
  for (const [oi, y] of model.used) {
    const i = model.column(y);
    if (i !== undefined) x[i] = (qty[oi] ?? 0) > 0 ? 1 : 0;
  }
  for (const u of model.unmet) {
    const i = model.column(u.name);
    const f = world.families[u.family] ?? "";
    const need = Math.max(0, (world.demand[f]?.[u.month] ?? 0) - (world.existingCapacity[f]?.[u.month] ?? 0));
    if (i !== undefined) x[i] = Math.max(0, need - ((covered[u.family] as Float64Array)[u.month] ?? 0));
  }
  for (let m = 0; m < M; m++) {
    const i = model.column(`t${m}`);
    if (i !== undefined) x[i] = total[m] ?? 0;
  }
  world.offers.forEach((_, oi) => {
    for (let m = 0; m < M; m++) {
      const i = model.column(`a${oi}_${m}`);
      if (i !== undefined) x[i] = stock.get(`a${oi}_${m}`) ?? 0;
    }
  });
  for (let r = 0; r < a.numRows; r++) {
    let v = 0;
    for (let k = a.starts[r] ?? 0; k < (a.starts[r + 1] ?? 0); k++) v += (a.values[k] ?? 0) * (x[a.indices[k] ?? 0] ?? 0);
    const slack = 1e-6 * Math.max(1, Math.abs(v));
    if (v < (a.rowLower[r] ?? -Infinity) - slack || v > (a.rowUpper[r] ?? Infinity) + slack) return null;
  }
  for (let j = 0; j < a.numCols; j++)
    if ((x[j] ?? 0) < (a.colLower[j] ?? 0) - 1e-9 || (x[j] ?? 0) > (a.colUpper[j] ?? Infinity) + 1e-6) return null;
  return x;
}
