import type { PlanningFilters } from "@/lib/queries/filters/params";
import { addUtcMonths, startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import {
  capacityDemandLines,
  sumLines,
  type CapacityDemandLine,
  type GroupBlock,
  type GroupHistory,
  type GroupPlan,
} from "@/lib/metrics/capacity-demand";
import { dec } from "@/lib/metrics/decimal";
import { MAX_HORIZON } from "@/lib/metrics/forecast";
import type { Period } from "@/lib/metrics/period";
import { blockH100e } from "@/lib/planning/block-h100e";
import {
  loadPlanningModel,
  loadPlanningModels,
  type PlanningBlock,
  type PlanningDemandPlan,
  type PlanningModel,
} from "@/lib/planning/model";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead, pageClock } from "@/lib/cache/read";
import { runwayDrivers, type RunwayDrivers } from "./drivers";
import { loadUsageHistory, type CapacityGroupBy, type CapacityUnit, type UsageHistory } from "./history";

/** Months of utilization_monthly history the forecast learns from (Holt-Winters needs 24). */
export const HISTORY_MONTHS = 36;
export const HORIZON_MONTHS = MAX_HORIZON;
export const UNPLACED = "__plans";
export const UNPLACED_LABEL = "Demand plans (no provider or site yet)";

export type CapacityParams = Pick<PlanningFilters, "provider" | "family" | "site" | "scenario"> & {
  by: CapacityGroupBy;
  unit: CapacityUnit;
  asOf?: Date;
};

export type FamilyRunway = { family: string; line: CapacityDemandLine };
export type CapacityRunway = {
  asOf: Date;
  months: Period[];
  /** H100e, every family summed. */
  overall: CapacityDemandLine;
  byFamily: FamilyRunway[];
  /** Plans were left out of the lines: a provider or site filter is set and plans name neither. */
  plansLeftOut: boolean;
};
export type CapacityView = CapacityRunway & {
  model: PlanningModel;
  by: CapacityGroupBy;
  unit: CapacityUnit;
  /** In `unit`, grouped by `by`. */
  groups: CapacityDemandLine[];
  total: CapacityDemandLine;
  /** The family asked for, else the overall line, and what moves its runway. */
  focus: { label: string; line: CapacityDemandLine; drivers: RunwayDrivers };
  /** With a scenario chosen: the same lines of the baseline (same filters, history and functions), to show the deltas. */
  baseline: CapacityLines | null;
};
export type CapacityLines = {
  runway: CapacityRunway;
  groups: CapacityDemandLine[];
  total: CapacityDemandLine;
  focusLine: CapacityDemandLine;
};

/** The 24 forecast months: the month of asOf (still running, so forecast, not history) and the 23 after it. */
export function forecastMonths(asOf: Date): Period[] {
  return utcMonths(asOf, HORIZON_MONTHS);
}

function groupOf(by: CapacityGroupBy, b: PlanningBlock): { key: string; label: string } {
  if (by === "provider") return { key: b.providerId, label: b.providerName };
  if (by === "site") return { key: b.siteId, label: b.siteName };
  return { key: b.family, label: b.family };
}

/** A family's H100e per accelerator: the capacity-weighted factor of its blocks, else of its catalog types, else 1. */
export function familyFactor(model: PlanningModel, family: string): string {
  const blocks = model.blocks.filter((b) => b.family === family);
  const quantity = blocks.reduce((n, b) => n + b.quantity, 0);
  if (quantity > 0)
    return blocks
      .reduce((s, b) => s.plus(blockH100e(b)), dec(0))
      .div(quantity)
      .toString();
  const types = model.catalog.acceleratorTypes.filter((t) => t.family === family);
  if (types.length)
    return types
      .reduce((s, t) => s.plus(t.h100eFactor), dec(0))
      .div(types.length)
      .toString();
  return "1";
}

function planUnits(model: PlanningModel, plan: PlanningDemandPlan, unit: CapacityUnit): string {
  if (unit === "h100e") return plan.h100e;
  return plan.accelerators !== null ? String(plan.accelerators) : dec(plan.h100e).div(familyFactor(model, plan.family)).toString();
}

/** Capacity-vs-demand lines of a model, grouped and in a unit, from a usage history read in the same grouping and unit. */
export function buildLines(
  model: PlanningModel,
  history: UsageHistory,
  options: { by: CapacityGroupBy; unit: CapacityUnit; months: Period[]; plansLeftOut: boolean },
): CapacityDemandLine[] {
  const labels = new Map<string, string>(history.groups.map((g) => [g.key, g.label]));
  const blocks: GroupBlock[] = model.blocks.map((b) => {
    const g = groupOf(options.by, b);
    labels.set(g.key, g.label);
    return { group: g.key, units: options.unit === "h100e" ? blockH100e(b) : b.quantity, startAt: b.startAt, endAt: b.endAt };
  });
  const plans: GroupPlan[] = options.plansLeftOut
    ? []
    : model.demandPlans.map((p) => ({
        group: options.by === "family" ? p.family : UNPLACED,
        units: planUnits(model, p, options.unit),
        startAt: p.startAt,
        endAt: p.endAt,
      }));
  labels.set(UNPLACED, UNPLACED_LABEL);
  for (const p of model.demandPlans) if (options.by === "family") labels.set(p.family, p.family);
  const groups: GroupHistory[] = history.groups.map((g) => ({ group: g.key, months: history.months, used: g.used, complete: g.complete }));
  return capacityDemandLines({ months: options.months, labels, blocks, plans, history: groups, growthPct: model.demandGrowthPct });
}

async function history(ctx: Ctx, params: CapacityParams, asOf: Date, by: CapacityGroupBy, unit: CapacityUnit): Promise<UsageHistory> {
  return loadUsageHistory(ctx.db, {
    before: startOfUtcMonth(asOf),
    months: HISTORY_MONTHS,
    by,
    unit,
    providerId: params.provider,
    family: params.family,
    siteId: params.site,
  });
}

/** The runways of a model (per family and overall), as /capacity computes them: median demand over `months`. */
export function runwayFrom(model: PlanningModel, familyHistory: UsageHistory, months: Period[], plansLeftOut: boolean): CapacityRunway {
  const families = buildLines(model, familyHistory, { by: "family", unit: "h100e", months, plansLeftOut });
  return {
    asOf: model.asOf,
    months,
    overall: sumLines("overall", "All families", families, months),
    byFamily: families.map((line) => ({ family: line.key, line })),
    plansLeftOut,
  };
}

/**
 * Runway per family and overall (PRODUCT.md §3): the first month whose median demand — the forecast of used H100e
 * (× (1 + the scenario's demand growth)) plus the demand plans that start this month or later — exceeds the H100e in
 * service. The Overview's runway KPI calls this with no filters.
 */
export async function loadCapacityRunway(
  ctx: Ctx,
  params: Partial<Pick<CapacityParams, "provider" | "family" | "site" | "scenario" | "asOf">> = {},
  /** The planning model already being loaded for the same scenario, filters and asOf (the Overview shares one). */
  preloaded?: PlanningModel | Promise<PlanningModel>,
): Promise<CapacityRunway> {
  const asOf = params.asOf ?? new Date();
  const full = { provider: null, family: null, site: null, scenario: null, by: "family" as const, unit: "h100e" as const, ...params, asOf };
  const [model, familyHistory] = await Promise.all([
    preloaded ?? loadPlanningModel(ctx, { scenarioId: full.scenario, filters: full, asOf }),
    history(ctx, full, asOf, "family", "h100e"),
  ]);
  return runwayFrom(model, familyHistory, forecastMonths(asOf), Boolean(full.provider || full.site));
}

/** The runways, the lines by group in the unit asked for, their total and the focus line of one model. */
function capacityLines(
  model: PlanningModel,
  params: CapacityParams,
  months: Period[],
  histories: { family: UsageHistory; group: UsageHistory | null },
): CapacityLines {
  const plansLeftOut = Boolean(params.provider || params.site);
  const runway = runwayFrom(model, histories.family, months, plansLeftOut);
  const groups = histories.group
    ? buildLines(model, histories.group, { by: params.by, unit: params.unit, months, plansLeftOut })
    : runway.byFamily.map((f) => f.line);
  const total = sumLines("total", "Total", groups, months);
  const focusLine = (params.family && runway.byFamily.find((f) => f.family === params.family)?.line) || runway.overall;
  return { runway, groups, total, focusLine };
}

/**
 * Everything /capacity shows: the lines by group in the unit asked for, their total, the runways and the drivers;
 * with a scenario, the baseline's lines too (one read of the registers and the usage history for both).
 */
export async function getCapacity(ctx: Ctx, params: CapacityParams): Promise<CapacityView> {
  requirePermission(ctx, "app.read");
  const asOf = params.asOf ?? pageClock();
  const { provider, family, site, scenario, by, unit } = params;
  const key = { provider, family, site, scenario, by, unit, asOf };
  return cachedRead("capacity", ctx.db, key, () => computeCapacity(ctx, { ...key }, asOf));
}

async function computeCapacity(ctx: Ctx, params: CapacityParams, asOf: Date): Promise<CapacityView> {
  const months = forecastMonths(asOf);
  const plansLeftOut = Boolean(params.provider || params.site);
  const sameAsRunway = params.by === "family" && params.unit === "h100e";
  const [models, familyHistory, groupHistory] = await Promise.all([
    loadPlanningModels(ctx, { scenarioId: params.scenario, filters: params, asOf }),
    history(ctx, params, asOf, "family", "h100e"),
    sameAsRunway ? null : history(ctx, params, asOf, params.by, params.unit),
  ]);
  const { model } = models;
  const histories = { family: familyHistory, group: groupHistory };
  const { runway, groups, total, focusLine } = capacityLines(model, params, months, histories);
  const focusLabel = params.family ?? "all families";
  return {
    ...runway,
    model,
    by: params.by,
    unit: params.unit,
    groups,
    total,
    focus: {
      label: focusLabel,
      line: focusLine,
      drivers: runwayDrivers(model, focusLine, {
        family: params.family,
        months,
        plansLeftOut,
        horizonEnd: addUtcMonths(months[0]!.from, HORIZON_MONTHS),
      }),
    },
    baseline: models.baseline ? capacityLines(models.baseline, params, months, histories) : null,
  };
}
