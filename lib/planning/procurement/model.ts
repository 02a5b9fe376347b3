import { hoursBetween } from "./hours";
import { LpWriter, type ArrayModel, type Terms } from "./lp-writer";
import type { PlanOffer, PlanWorld } from "./types";

// The procurement plan of PRODUCT.md §3 as a CPLEX LP-format mixed-integer program.
//   n(o,s) integer ≥ 0: steps of offer o starting in month s ≥ earliestStartMonth(o); quantity = step × n.
//   A block is held in months [s, s + term) (reserved, owned) or [s, horizon end) (on-demand, spot).
//   cover(f,m):  Σ h100e × held(o,m) + unmet(f,m) ≥ demand(f,m) − existing(f,m)      (rows only where short)
//   power(i,m):  Σ facility W × held(o,m) ÷ 10⁶ ≤ max(0, budget MW − existing MW)       (budgeted sites)
//   offer(o):    min × used(o) ≤ Σ_s step × n(o,s) ≤ max (× used(o) when min > 0)      (used binary)
//   cap(h,m):    existing_h + added_h ≤ cap × (existing total + added total) + allowance, where the allowance
//                max(0, existing_h − cap × existing total) lets a holder already above its cap keep what it has
//                (then only the added H100e must respect the cap): the plan never buys to dilute.
//   budget:      Σ committed cost ≤ B.
//   objective:   Σ committed cost + penalty × Σ unmet H100e-months.
// Committed cost of a block = quantity × rate × hours of its whole term (reserved, owned) or of the months from its
// start to the horizon end (on-demand, spot), hours on the real calendar (see hours.ts).
// held(o,m) is Σ step × n(o,s) over the starts s active in m ("direct"), or a continuous stock variable
// A(o,m) = A(o,m−1) + step × n(o,m) − step × n(o,m−term) ("stock": far fewer nonzeros on long horizons).

export type Formulation = "direct" | "stock";

export type BlockColumn = { name: string; offer: number; start: number; end: number; ub: number; hours: number };
export type RowInfo =
  | { kind: "cover"; family: number; month: number }
  | { kind: "power"; site: number; month: number }
  | { kind: "cap"; dimension: "provider" | "vendor" | "site"; holder: string; month: number }
  | { kind: "offer_max"; offer: number }
  | { kind: "offer_min"; offer: number }
  | { kind: "budget" }
  | { kind: "definition" };

export type PlanModel = {
  /** The model as CPLEX LP text. */
  lp: () => string;
  /** The same model as arrays (what HiGHS is given) and a column's index by name. */
  arrays: ArrayModel;
  column: (name: string) => number | undefined;
  penalty: number;
  blocks: BlockColumn[];
  /** offer index → name of its "used" binary. */
  used: Map<number, string>;
  unmet: { name: string; family: number; month: number }[];
  rows: RowInfo[];
  rowRhs: number[];
  integers: number;
  nonzeros: number;
};

/** Months [start, end) a block of `offer` starting at `start` is held inside a horizon of `horizon` months. */
export function heldUntil(offer: PlanOffer, start: number, horizon: number): number {
  return offer.pricingModel === "reserved" || offer.pricingModel === "owned" ? Math.min(start + offer.termMonths, horizon) : horizon;
}

/** Hours a block is paid for: its whole term, or (on-demand, spot) its start to the horizon end. */
export function paidHours(world: PlanWorld, offer: PlanOffer, start: number): number {
  const first = world.months[0] ?? "";
  const term = offer.pricingModel === "reserved" || offer.pricingModel === "owned";
  return hoursBetween(first, start, term ? start + offer.termMonths : world.months.length);
}

/** Above any offer's cost of covering one H100e for a month: its longest block's cost per H100e, × 1.25. */
export function defaultPenalty(world: PlanWorld): number {
  let worst = 1;
  for (const o of world.offers) worst = Math.max(worst, (Number(o.ratePerHour) * paidHours(world, o, 0)) / o.h100ePerUnit);
  return Math.ceil(worst * 1.25);
}

function shortfalls(world: PlanWorld): number[][] {
  return world.families.map((f) =>
    world.months.map((_, m) => Math.max(0, (world.demand[f]?.[m] ?? 0) - (world.existingCapacity[f]?.[m] ?? 0))),
  );
}

function capDimensions(world: PlanWorld) {
  const dims: {
    dimension: "provider" | "vendor" | "site";
    cap: number;
    holder: (o: PlanOffer) => string | null;
    existing: Record<string, number[]>;
  }[] = [];
  const { provider, vendor, site } = world.caps;
  if (provider !== undefined)
    dims.push({ dimension: "provider", cap: provider, holder: (o) => o.providerId, existing: world.existingByProvider });
  if (vendor !== undefined) dims.push({ dimension: "vendor", cap: vendor, holder: (o) => o.vendor, existing: world.existingByVendor });
  if (site !== undefined) dims.push({ dimension: "site", cap: site, holder: (o) => o.siteId, existing: world.existingBySite });
  return dims;
}

/** `keep(offer, start)` restricts the block columns (the MIP pass after the LP relaxation); all by default. */
export function buildModel(
  world: PlanWorld,
  formulation: Formulation = "direct",
  keep?: (offer: number, start: number) => boolean,
): PlanModel {
  const M = world.months.length;
  const penalty = world.penaltyPerH100eMonth ?? defaultPenalty(world);
  const short = shortfalls(world);
  const familyIndex = new Map(world.families.map((f, i) => [f, i]));
  const w = new LpWriter();

  // Columns: blocks worth starting (their family is short in some month they would be held).
  const blocks: BlockColumn[] = [];
  const byOffer: BlockColumn[][] = world.offers.map(() => []);
  world.offers.forEach((o, oi) => {
    const f = familyIndex.get(o.family);
    if (f === undefined || o.step <= 0 || o.h100ePerUnit <= 0) return;
    const maxSteps = o.maxQuantity === null ? Infinity : Math.floor(o.maxQuantity / o.step);
    for (let s = Math.max(0, o.earliestStartMonth); s < M; s++) {
      const end = heldUntil(o, s, M);
      const need = Math.max(...(short[f] ?? []).slice(s, end));
      const ub = Math.min(maxSteps, Math.ceil(need / (o.h100ePerUnit * o.step) - 1e-9));
      if (!(ub > 0) || (keep && !keep(oi, s))) continue;
      const col: BlockColumn = { name: `n${oi}_${s}`, offer: oi, start: s, end, ub, hours: paidHours(world, o, s) };
      blocks.push(col);
      byOffer[oi]?.push(col);
      w.objective(col.name, o.step * col.hours * Number(o.ratePerHour));
      w.bound(col.name, 0, ub, true);
    }
  });

  const rows: RowInfo[] = [];
  const held = heldTerms(world, byOffer, formulation, w, rows);

  const used = new Map<number, string>();
  const unmet: PlanModel["unmet"] = [];
  const byFamily: number[][] = world.families.map(() => []);
  world.offers.forEach((o, oi) => byFamily[familyIndex.get(o.family) ?? -1]?.push(oi));
  world.families.forEach((_, f) => {
    for (let m = 0; m < M; m++) {
      const need = short[f]?.[m] ?? 0;
      if (need <= 0) continue;
      const name = `u${f}_${m}`;
      unmet.push({ name, family: f, month: m });
      w.objective(name, penalty);
      w.bound(name, 0, need, false);
      const terms: Terms = [[name, 1]];
      for (const oi of byFamily[f] ?? []) {
        const e = world.offers[oi]?.h100ePerUnit ?? 0;
        for (const [c, k] of held(oi, m)) terms.push([c, k * e]);
      }
      w.row(`cv${f}_${m}`, terms, ">=", need);
      rows.push({ kind: "cover", family: f, month: m });
    }
  });

  world.sites.forEach((site, si) => {
    for (let m = 0; m < M; m++) {
      const budget = site.budgetMw?.[m];
      if (budget === null || budget === undefined) continue;
      const terms: Terms = [];
      world.offers.forEach((o, oi) => {
        if (o.siteId === site.id) for (const [c, k] of held(oi, m)) terms.push([c, (k * o.facilityWattsPerUnit) / 1e6]);
      });
      if (terms.length === 0) continue;
      w.row(`pw${si}_${m}`, terms, "<=", Math.max(0, budget - (site.existingMw[m] ?? 0)));
      rows.push({ kind: "power", site: si, month: m });
    }
  });

  capRows(world, held, w, rows);

  world.offers.forEach((o, oi) => {
    const cols = byOffer[oi] ?? [];
    if (cols.length === 0) return;
    const qty: Terms = cols.map((c) => [c.name, o.step]);
    if (o.minQuantity > 0) {
      const y = `y${oi}`;
      used.set(oi, y);
      w.bound(y, 0, 1, true);
      const big = o.maxQuantity ?? bigQuantity(o, cols, M);
      w.row(`om${oi}`, [...qty, [y, -o.minQuantity]], ">=", 0);
      rows.push({ kind: "offer_min", offer: oi });
      w.row(`ox${oi}`, [...qty, [y, -big]], "<=", 0);
      rows.push({ kind: "offer_max", offer: oi });
    } else if (o.maxQuantity !== null) {
      w.row(`ox${oi}`, qty, "<=", o.maxQuantity);
      rows.push({ kind: "offer_max", offer: oi });
    }
  });

  if (world.budgetUsd !== null && world.budgetUsd !== undefined && blocks.length > 0) {
    const b = Number(world.budgetUsd);
    w.row(
      "budget",
      blocks.map((c) => {
        const o = world.offers[c.offer] as PlanOffer;
        return [c.name, o.step * c.hours * Number(o.ratePerHour)];
      }),
      "<=",
      Math.max(0, b * (1 - 1e-12) - 0.01),
    );
    rows.push({ kind: "budget" });
  }

  return {
    lp: () => w.text(),
    arrays: w.arrays(),
    column: (name) => w.columnIndex(name),
    penalty,
    blocks,
    used,
    unmet,
    rows,
    rowRhs: w.rhs,
    integers: w.integerCount,
    nonzeros: w.nonzeros,
  };
}

/**
 * A bound on an offer's total quantity when it has no maximum: the largest useful block, times the number of
 * terms that fit in the horizon (on-demand and spot blocks all run to its end, so one block's worth).
 */
function bigQuantity(o: PlanOffer, cols: BlockColumn[], horizon: number): number {
  const largest = Math.max(...cols.map((c) => c.ub)) * o.step;
  const fits = o.pricingModel === "reserved" || o.pricingModel === "owned" ? Math.ceil(horizon / Math.max(1, o.termMonths)) : 1;
  return largest * fits;
}

type Held = (offer: number, month: number) => Terms;

/** held(o, m) in accelerators, as terms of the block columns (direct) or of one stock column (stock). */
function heldTerms(world: PlanWorld, byOffer: BlockColumn[][], formulation: Formulation, w: LpWriter, rows: RowInfo[]): Held {
  const M = world.months.length;
  const step = (oi: number) => world.offers[oi]?.step ?? 0;
  if (formulation === "direct") {
    // Read once per cover, power and cap row: kept per offer and month (the cap rows alone ask 10⁵–10⁶ times).
    const memo = new Map<number, Terms>();
    return (oi, m) => {
      const key = oi * M + m;
      let terms = memo.get(key);
      if (!terms) {
        terms = (byOffer[oi] ?? []).filter((c) => c.start <= m && m < c.end).map((c): [string, number] => [c.name, step(oi)]);
        memo.set(key, terms);
      }
      return terms;
    };
  }
  const span = byOffer.map((cols) =>
    cols.length === 0 ? [0, 0] : [Math.min(...cols.map((c) => c.start)), Math.max(...cols.map((c) => c.end))],
  );
  byOffer.forEach((cols, oi) => {
    const [from = 0, to = 0] = span[oi] ?? [];
    for (let m = from; m < to; m++) {
      const terms: Terms = [[`a${oi}_${m}`, 1]];
      if (m > from) terms.push([`a${oi}_${m - 1}`, -1]);
      for (const c of cols) {
        if (c.start === m) terms.push([c.name, -step(oi)]);
        if (c.end === m && c.end < M) terms.push([c.name, step(oi)]);
      }
      w.row(`sd${oi}_${m}`, terms, "=", 0);
      rows.push({ kind: "definition" });
    }
  });
  return (oi, m) => {
    const [from = 0, to = 0] = span[oi] ?? [];
    return m >= from && m < to ? [[`a${oi}_${m}`, 1]] : [];
  };
}

function capRows(world: PlanWorld, held: Held, w: LpWriter, rows: RowInfo[]): void {
  const dims = capDimensions(world);
  if (dims.length === 0) return;
  const M = world.months.length;
  const existingTotal = world.months.map((_, m) => world.families.reduce((a, f) => a + (world.existingCapacity[f]?.[m] ?? 0), 0));
  const added = (m: number, offers: number[]): Terms => {
    const terms: Terms = [];
    for (const oi of offers) {
      const e = world.offers[oi]?.h100ePerUnit ?? 0;
      for (const [c, k] of held(oi, m)) terms.push([c, k * e]);
    }
    return terms;
  };
  const everyOffer = world.offers.map((_, oi) => oi);
  for (let m = 0; m < M; m++) {
    const all = added(m, everyOffer);
    if (all.length === 0) continue;
    w.row(`td${m}`, [[`t${m}`, 1], ...all.map(([c, k]): [string, number] => [c, -k])], "=", 0);
    rows.push({ kind: "definition" });
  }
  for (const { dimension, cap, holder, existing } of dims) {
    const byHolder = new Map<string, number[]>();
    world.offers.forEach((o, oi) => {
      const h = holder(o);
      if (h !== null) byHolder.set(h, [...(byHolder.get(h) ?? []), oi]);
    });
    for (const [h, offers] of byHolder) {
      for (let m = 0; m < M; m++) {
        const terms = added(m, offers);
        if (terms.length === 0) continue;
        const room = cap * (existingTotal[m] ?? 0) - (existing[h]?.[m] ?? 0);
        w.row(`cp${dimension[0] ?? ""}${rows.length}`, [...terms, [`t${m}`, -cap]], "<=", Math.max(0, room));
        rows.push({ kind: "cap", dimension, holder: h, month: m });
      }
    }
  }
}
