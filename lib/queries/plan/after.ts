import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { applyScenario } from "@/lib/planning/apply";
import type { PlanningModel, ScenarioSource } from "@/lib/planning/model";
import type { PlanBlock } from "@/lib/planning/procurement/types";
import { forecastMonths, runwayFrom } from "@/lib/queries/capacity";
import type { UsageHistory } from "@/lib/queries/capacity/history";
import { sharesAt } from "@/lib/queries/concentration";
import { buildPowerPage, type PowerSite } from "@/lib/queries/power";
import { blocksAsReservations } from "./as-reservations";

// The "after" of a plan, by the pages' own functions: the plan's blocks become added reservations on top of the chosen
// scenario's overrides, applied to the registers by applyScenario in one go — the model a saved scenario of the plan
// loads — and the Capacity, Power and Concentration pages' functions run on it and on the model before.

export type RunwayChange = { key: string; label: string; before: Period | null; after: Period | null };

export type SitePowerChange = {
  siteId: string;
  siteName: string;
  providerName: string;
  before: HeadroomPoint[];
  after: HeadroomPoint[];
  tightestBefore: HeadroomPoint | null;
  tightestAfter: HeadroomPoint | null;
  overBudgetMonthsBefore: number;
  overBudgetMonthsAfter: number;
};

export type ProviderConcentration = { largestId: string | null; largestName: string | null; largestShare: Dec | null; hhi: Dec };
export type ConcentrationMonth = { month: Period; before: ProviderConcentration; after: ProviderConcentration };

export type PlanAfter = {
  /** /capacity's runway (median demand, its 24 forecast months from the running month). */
  runway: { months: Period[]; overall: RunwayChange; byFamily: RunwayChange[] };
  /** /power's headroom per budgeted site over the plan's months. */
  power: {
    months: Period[];
    sites: SitePowerChange[];
    /** Some budgeted site is over budget in some month after the plan. */
    overBudgetAfter: boolean;
    /** Site-months over budget after the plan that were not before (the plan's own doing). */
    newlyOverMonths: number;
  };
  /** /concentration's provider shares of the H100e in service at the start of each of the plan's months. */
  concentration: { months: ConcentrationMonth[]; maxShareBefore: Dec | null; maxShareAfter: Dec | null };
  /** Blocks left out of the "after" (no site of ours to hold them). */
  warnings: string[];
};

/** The model the plan saved as a scenario would load: the scenario's overrides and the plan's blocks, applied once. */
export function modelWithPlan(source: ScenarioSource, blocks: readonly PlanBlock[]): { model: PlanningModel; warnings: string[] } {
  const placed = blocks.filter((b) => b.siteId !== null && b.acceleratorTypeId);
  const warnings = blocks
    .filter((b) => !placed.includes(b))
    .map(
      (b) => `${b.label} (${b.startMonth}) is not in the "after": ${b.providerName} has no site of ours in ${b.region ?? "its region"}.`,
    );
  const overrides = {
    ...source.overrides,
    addReservations: [...(source.overrides.addReservations ?? []), ...blocksAsReservations(placed)],
  };
  return { model: applyScenario(source.registers, overrides, source.scenario), warnings };
}

function runwayChanges(before: PlanningModel, after: PlanningModel, history: UsageHistory, asOf: Date): PlanAfter["runway"] {
  const months = forecastMonths(asOf);
  const b = runwayFrom(before, history, months, false);
  const a = runwayFrom(after, history, months, false);
  const afterOf = new Map(a.byFamily.map((f) => [f.family, f.line.runway]));
  const beforeOf = new Map(b.byFamily.map((f) => [f.family, f.line.runway]));
  const families = [...new Set([...beforeOf.keys(), ...afterOf.keys()])].sort();
  return {
    months,
    overall: { key: "overall", label: a.overall.label, before: b.overall.runway, after: a.overall.runway },
    byFamily: families.map((f) => ({ key: f, label: f, before: beforeOf.get(f) ?? null, after: afterOf.get(f) ?? null })),
  };
}

function powerChanges(before: PlanningModel, after: PlanningModel, months: Period[]): PlanAfter["power"] {
  const b = new Map(buildPowerPage(before, months).sites.map((s) => [s.siteId, s]));
  const a = buildPowerPage(after, months).sites;
  let newlyOverMonths = 0;
  const sites = a.map((s: PowerSite): SitePowerChange => {
    const was = b.get(s.siteId);
    s.monthly.forEach((p, i) => {
      if (p.overBudget && !was?.monthly[i]?.overBudget) newlyOverMonths += 1;
    });
    return {
      siteId: s.siteId,
      siteName: s.siteName,
      providerName: s.providerName,
      before: was?.monthly ?? [],
      after: s.monthly,
      tightestBefore: was?.tightest ?? null,
      tightestAfter: s.tightest,
      overBudgetMonthsBefore: was?.overBudgetMonths ?? 0,
      overBudgetMonthsAfter: s.overBudgetMonths,
    };
  });
  return { months, sites, overBudgetAfter: sites.some((s) => s.overBudgetMonthsAfter > 0), newlyOverMonths };
}

function providerConcentration(model: PlanningModel, at: Date): ProviderConcentration {
  const { shares, hhi } = sharesAt(model, at);
  const top = shares.provider[0];
  return { largestId: top?.key ?? null, largestName: top?.label ?? null, largestShare: top?.share ?? null, hhi: hhi.provider.value };
}

function concentrationChanges(before: PlanningModel, after: PlanningModel, months: Period[]): PlanAfter["concentration"] {
  const rows = months.map((month) => ({
    month,
    before: providerConcentration(before, month.from),
    after: providerConcentration(after, month.from),
  }));
  const max = (pick: (r: ConcentrationMonth) => Dec | null) =>
    rows.reduce<Dec | null>((m, r) => {
      const v = pick(r);
      return v !== null && (m === null || v.greaterThan(m)) ? v : m;
    }, null);
  return { months: rows, maxShareBefore: max((r) => r.before.largestShare), maxShareAfter: max((r) => r.after.largestShare) };
}

/** Runway, power headroom and provider concentration before and after the plan's blocks, on the pages' functions. */
export function planAfter(input: {
  model: PlanningModel;
  source: ScenarioSource;
  history: UsageHistory;
  months: Period[];
  blocks: readonly PlanBlock[];
  asOf: Date;
}): PlanAfter {
  const { model: after, warnings } = modelWithPlan(input.source, input.blocks);
  return {
    runway: runwayChanges(input.model, after, input.history, input.asOf),
    power: powerChanges(input.model, after, input.months),
    concentration: concentrationChanges(input.model, after, input.months),
    warnings,
  };
}
