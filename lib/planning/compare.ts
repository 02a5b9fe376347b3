import { capacityAh } from "@/lib/metrics/capacity";
import { dec, Dec, sumDec } from "@/lib/metrics/decimal";
import { addSeries, flatBaseline, observedRate, plannedDemand } from "@/lib/metrics/demand";
import { h100eHours } from "@/lib/metrics/h100e";
import { hoursIn, type Period } from "@/lib/metrics/period";
import { plannedCost } from "@/lib/metrics/planned-cost";
import { monthlyHeadroom, type HeadroomPoint } from "@/lib/metrics/power-headroom";
import { runwayMonth } from "@/lib/metrics/runway";
import type { ObservedUse } from "./observed";
import { grownDemand } from "./overrides";
import type { PlanningBlock, PlanningModel } from "./types";

// What a scenario comes to, month by month, computed from a PlanningModel with the lib/metrics definitions:
// runway (capacity vs demand in H100e·h), planned spend, and power headroom per site.

export const SPEND_CURRENCY = "USD";

export type RunwayLine = { runway: Period | null; capacity: Dec[]; demand: Dec[] };
export type SpendMonth = { month: Period; reserved: Dec; usageBased: Dec; total: Dec };
export type SiteHeadroomSummary = {
  siteId: string;
  siteName: string;
  pue: string;
  tightest: HeadroomPoint;
  overBudgetMonths: number;
  monthly: HeadroomPoint[];
};
export type ScenarioSummary = {
  months: Period[];
  overall: RunwayLine;
  byFamily: (RunwayLine & { family: string })[];
  spend: { monthly: SpendMonth[]; total: Dec; otherCurrencyBlocks: number };
  headroom: SiteHeadroomSummary[];
};

/** Used ÷ held over the observed months, per block, else per family; 0 when nothing was observed. */
function utilizationOf(observed: ObservedUse) {
  const byBlock = new Map<string, Dec>();
  const family = new Map<string, { used: Dec; held: Dec }>();
  for (const r of observed.byReservation) {
    const held = dec(r.capacityAh);
    if (!held.isZero()) byBlock.set(r.reservationId, dec(r.usedAh).div(held));
    const f = family.get(r.family) ?? { used: dec(0), held: dec(0) };
    family.set(r.family, { used: f.used.plus(r.usedAh), held: f.held.plus(held) });
  }
  return (b: PlanningBlock): Dec => {
    const own = byBlock.get(b.id);
    if (own) return own;
    const f = family.get(b.family);
    return f && !f.held.isZero() ? f.used.div(f.held) : dec(0);
  };
}

/**
 * Runway per family and overall: capacity = Σ blocks' capacity_AH × h100_equivalent per month; demand = the observed
 * used H100e·h rate (last whole months) held flat + demand plans starting in the first month or later (plans already
 * running show in observed use), the total grown by the scenario's demand growth. Runway = the first month whose
 * demand exceeds capacity.
 */
export function runwayLines(model: PlanningModel, observed: ObservedUse, months: Period[]): Pick<ScenarioSummary, "overall" | "byFamily"> {
  const families = new Map<string, { capacity: Dec[]; used: Dec; plans: { h100e: string; startAt: Date; endAt: Date }[] }>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { capacity: months.map(() => dec(0)), used: dec(0), plans: [] }));
    return f;
  };
  for (const b of model.blocks) {
    const f = family(b.family);
    months.forEach((m, i) => {
      f.capacity[i] = f.capacity[i]!.plus(h100eHours(capacityAh(b, m), b.h100eFactor));
    });
  }
  const familiesInModel = new Set([...model.blocks.map((b) => b.family), ...model.demandPlans.map((p) => p.family)]);
  for (const r of observed.byReservation) {
    if (!familiesInModel.has(r.family)) continue;
    family(r.family).used = family(r.family).used.plus(h100eHours(r.usedAh, r.factor));
  }
  const first = months[0]?.from;
  for (const p of model.demandPlans) if (first && p.startAt >= first) family(p.family).plans.push(p);

  const observedHours = hoursIn(observed.period);
  const line = (capacity: Dec[], demand: Dec[]): RunwayLine => ({
    capacity,
    demand,
    runway: runwayMonth(months.map((month, i) => ({ month, capacity: capacity[i]!, demand: demand[i]! }))),
  });
  const byFamily = [...families.entries()]
    .map(([name, f]) => {
      const raw = addSeries(flatBaseline(observedRate(f.used, observedHours), months), plannedDemand(f.plans, months));
      return { family: name, ...line(f.capacity, raw.map((v) => grownDemand(v, model.demandGrowthPct))) };
    })
    .sort((a, b) => sumDec(b.capacity).comparedTo(sumDec(a.capacity)) || a.family.localeCompare(b.family));
  const zeros = months.map(() => dec(0));
  const overall = line(addSeries(zeros, ...byFamily.map((f) => f.capacity)), addSeries(zeros, ...byFamily.map((f) => f.demand)));
  return { overall, byFamily };
}

/**
 * Planned spend per month in USD: reserved blocks cost capacity_AH × rate; on-demand and spot blocks cost
 * used_AH × rate, with used_AH estimated as capacity_AH × the block's observed utilization (its family's for a block
 * without history, such as a scenario addition).
 */
export function plannedSpendByMonth(model: PlanningModel, observed: ObservedUse, months: Period[]): ScenarioSummary["spend"] {
  const utilization = utilizationOf(observed);
  const usd = model.blocks.filter((b) => b.currency === SPEND_CURRENCY);
  const monthly = months.map((month) => {
    let reserved = dec(0);
    let usageBased = dec(0);
    for (const b of usd) {
      const held = capacityAh(b, month);
      if (held.isZero()) continue;
      const cost = plannedCost({ pricingModel: b.pricingModel, rate: b.rate, capacityAh: held, usedAh: held.times(utilization(b)) });
      if (b.pricingModel === "reserved") reserved = reserved.plus(cost);
      else usageBased = usageBased.plus(cost);
    }
    return { month, reserved, usageBased, total: reserved.plus(usageBased) };
  });
  return { monthly, total: sumDec(monthly.map((m) => m.total)), otherCurrencyBlocks: model.blocks.length - usd.length };
}

/** Per site with a power budget: the monthly headroom (budget − IT load × PUE), its tightest month and over-budget months. */
export function siteHeadroom(model: PlanningModel, months: Period[]): SiteHeadroomSummary[] {
  return model.sites
    .filter((s) => s.budgets.length > 0)
    .map((s) => {
      const monthly = monthlyHeadroom(
        {
          siteId: s.id,
          siteName: s.name,
          pue: s.pue,
          budgets: s.budgets,
          loads: model.blocks.filter((b) => b.siteId === s.id).map((b) => ({ quantity: b.quantity, systemW: b.systemW, startAt: b.startAt, endAt: b.endAt })),
        },
        months,
      );
      const tightest = monthly.reduce((worst, p) => (p.headroomMw.lessThan(worst.headroomMw) ? p : worst), monthly[0]!);
      return { siteId: s.id, siteName: s.name, pue: s.pue, tightest, overBudgetMonths: monthly.filter((p) => p.overBudget).length, monthly };
    })
    .sort((a, b) => a.tightest.headroomMw.comparedTo(b.tightest.headroomMw) || a.siteName.localeCompare(b.siteName));
}

export function summarizeScenario(model: PlanningModel, observed: ObservedUse, months: Period[]): ScenarioSummary {
  return {
    months,
    ...runwayLines(model, observed, months),
    spend: plannedSpendByMonth(model, observed, months),
    headroom: months.length ? siteHeadroom(model, months) : [],
  };
}

/** Months between two runway months (b − a); null when either side never runs out within the range. */
export function runwayShiftMonths(a: Period | null, b: Period | null): number | null {
  if (!a || !b) return null;
  return (b.from.getUTCFullYear() - a.from.getUTCFullYear()) * 12 + b.from.getUTCMonth() - a.from.getUTCMonth();
}

export type CompareRows = {
  runway: { key: string; label: string; a: Period | null; b: Period | null }[];
  spend: { month: Period; a: Dec; b: Dec; delta: Dec }[];
  headroom: { siteId: string; siteName: string; a: SiteHeadroomSummary | null; b: SiteHeadroomSummary | null }[];
};

/** Side by side, row for row: the overall runway then every family in either; spend per month; every site in either. */
export function compareSummaries(a: ScenarioSummary, b: ScenarioSummary): CompareRows {
  const families = [...new Set([...a.byFamily.map((f) => f.family), ...b.byFamily.map((f) => f.family)])];
  const findFamily = (s: ScenarioSummary, f: string) => s.byFamily.find((x) => x.family === f)?.runway ?? null;
  const sites = new Map<string, string>();
  for (const s of [...a.headroom, ...b.headroom]) sites.set(s.siteId, s.siteName);
  return {
    runway: [
      { key: "overall", label: "All families", a: a.overall.runway, b: b.overall.runway },
      ...families.map((f) => ({ key: f, label: f, a: findFamily(a, f), b: findFamily(b, f) })),
    ],
    spend: a.spend.monthly.map((m, i) => {
      const other = b.spend.monthly[i]?.total ?? dec(0);
      return { month: m.month, a: m.total, b: other, delta: other.minus(m.total) };
    }),
    headroom: [...sites.entries()]
      .map(([siteId, siteName]) => ({
        siteId,
        siteName,
        a: a.headroom.find((s) => s.siteId === siteId) ?? null,
        b: b.headroom.find((s) => s.siteId === siteId) ?? null,
      }))
      .sort((x, y) => {
        const min = (r: typeof x) => Dec.min(r.a?.tightest.headroomMw ?? Infinity, r.b?.tightest.headroomMw ?? Infinity);
        return min(x).comparedTo(min(y)) || x.siteName.localeCompare(y.siteName);
      }),
  };
}
