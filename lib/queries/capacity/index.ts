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
import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { dateParam } from "@/lib/db/sql";
import { allocatedUse, allocationBlock } from "@/lib/metrics/allocated-use";
import { parseUtc } from "@/lib/metrics/calendar";
import { hoursIn } from "@/lib/metrics/period";
import { loadCostBlocks } from "../costs/blocks";
import {
  loadBlockAllocations,
  loadReportedWorkloadUse,
  loadSelectedAllocations,
  loadSelectedPlanIds,
  loadSelection,
  type SelectedAllocation,
  type Selection,
} from "../filters/selection";
import { runwayDrivers, type RunwayDrivers } from "./drivers";
import { loadUsageHistory, type CapacityGroupBy, type CapacityUnit, type UsageHistory } from "./history";

/** Months of utilization_monthly history the forecast learns from (Holt-Winters needs 24). */
export const HISTORY_MONTHS = 36;
export const HORIZON_MONTHS = MAX_HORIZON;
export const UNPLACED = "__plans";
export const UNPLACED_LABEL = "Demand plans (no provider or site yet)";

export type CapacityParams = Pick<PlanningFilters, "provider" | "family" | "site" | "scenario"> &
  Partial<Pick<PlanningFilters, "team" | "workload">> & {
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
  /**
   * The team / workload filter: capacity is what its workloads hold (each allocation a block of `quantity` over its
   * period, on the block's family, provider and site), demand their plans plus the forecast of their share of use.
   */
  selection: Selection | null;
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
  const key = { provider, family, site, scenario, team: params.team ?? null, workload: params.workload ?? null, by, unit, asOf };
  return cachedRead("capacity", ctx.db, key, () => computeCapacity(ctx, { ...key }, asOf));
}

async function computeCapacity(ctx: Ctx, params: CapacityParams, asOf: Date): Promise<CapacityView> {
  const sameAsRunway = params.by === "family" && params.unit === "h100e";
  const selection = await loadSelection(ctx, { team: params.team ?? null, workload: params.workload ?? null });
  if (selection) return computeSelectionCapacity(ctx, params, asOf, selection);
  const [models, familyHistory, groupHistory] = await Promise.all([
    loadPlanningModels(ctx, { scenarioId: params.scenario, filters: params, asOf }),
    history(ctx, params, asOf, "family", "h100e"),
    sameAsRunway ? null : history(ctx, params, asOf, params.by, params.unit),
  ]);
  return capacityView(
    params,
    asOf,
    { model: models.model, baseline: models.baseline },
    { family: familyHistory, group: groupHistory },
    null,
  );
}

/** The page's view of a model (and the baseline beside it) and the usage histories, by the functions above. */
function capacityView(
  params: CapacityParams,
  asOf: Date,
  models: { model: PlanningModel; baseline: PlanningModel | null },
  histories: { family: UsageHistory; group: UsageHistory | null },
  selection: Selection | null,
): CapacityView {
  const months = forecastMonths(asOf);
  const plansLeftOut = Boolean(params.provider || params.site);
  const { model } = models;
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
    selection,
  };
}

/**
 * /capacity under the team / workload filter: the model's blocks replaced by the selection's allocations on them (each
 * a block of its own: allocationBlock), its demand plans narrowed to the selection's, and the usage history the
 * selection's pro-rata share of its blocks' use (allocatedUse); then the same lines, runways and drivers.
 */
async function computeSelectionCapacity(ctx: Ctx, params: CapacityParams, asOf: Date, selection: Selection): Promise<CapacityView> {
  const [models, selected, planIds] = await Promise.all([
    loadPlanningModels(ctx, { scenarioId: params.scenario, filters: params, asOf }),
    loadSelectedAllocations(ctx, selection),
    loadSelectedPlanIds(ctx, selection),
  ]);
  const narrow = (model: PlanningModel): PlanningModel => {
    const byId = new Map(model.blocks.map((b) => [b.id, b]));
    return {
      ...model,
      blocks: selected.flatMap((a) => {
        const block = byId.get(a.reservationId);
        const cut = block ? allocationBlock(block, { quantity: a.quantity, from: a.startAt, to: a.endAt }) : null;
        return cut ? [{ ...cut, name: `${cut.name} · ${a.workloadName}` }] : [];
      }),
      demandPlans: model.demandPlans.filter((p) => planIds.has(p.id)),
    };
  };
  const sameAsRunway = params.by === "family" && params.unit === "h100e";
  const [familyHistory, groupHistory] = await selectionHistories(
    ctx,
    params,
    asOf,
    selected,
    sameAsRunway ? [] : [[params.by, params.unit]],
  );
  return capacityView(
    params,
    asOf,
    { model: narrow(models.model), baseline: models.baseline ? narrow(models.baseline) : null },
    { family: familyHistory!, group: groupHistory ?? null },
    selection,
  );
}

/**
 * The selection's used history (loadUsageHistory's months, groups and units, for the family/H100e runway first and
 * then each grouping asked for): per month, each allocation's pro-rata share of its block's used_ah in
 * utilization_monthly; a month is complete where the block reported at least half its hours.
 */
async function selectionHistories(
  ctx: Ctx,
  params: CapacityParams,
  asOf: Date,
  selected: SelectedAllocation[],
  more: [CapacityGroupBy, CapacityUnit][],
): Promise<UsageHistory[]> {
  const before = startOfUtcMonth(asOf);
  const from = addUtcMonths(before, -HISTORY_MONTHS);
  const months = utcMonths(from, HISTORY_MONTHS);
  const blockIds = [...new Set(selected.map((a) => a.reservationId))];
  const [blocks, rows, others, reportedAll] = await Promise.all([
    loadCostBlocks(ctx, { from, to: before, provider: params.provider, family: params.family, site: params.site }),
    blockIds.length
      ? queryRows<{ reservation_id: string; month: string; used_ah: string; reported: number }>(
          ctx.db,
          sql`select reservation_id, to_char(month, 'YYYY-MM-DD') as month, used_ah::text as used_ah, hours_reported::int as reported
              from utilization_monthly
              where month >= ${dateParam(from)} and month < ${dateParam(before)}
                and reservation_id in (${sql.join(
                  blockIds.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`,
        )
      : Promise.resolve([]),
    loadBlockAllocations(ctx, blockIds),
    loadReportedWorkloadUse(ctx, blockIds, { from, to: before, grain: "month" }),
  ]);
  const byId = new Map(blocks.map((b) => [b.id, b]));
  // What the feed said each workload used counts on reserved blocks only (a pay-per-use block is split pro rata, as the showback does).
  const reported = new Map([...reportedAll].filter(([key]) => byId.get(key.slice(0, key.indexOf("|")))?.pricingModel === "reserved"));
  const usage = new Map<string, { months: number[]; usedAh: string[] }>();
  const complete = new Set<string>();
  for (const r of rows) {
    const t = parseUtc(r.month).getTime();
    const u = usage.get(r.reservation_id) ?? { months: [], usedAh: [] };
    u.months.push(t);
    u.usedAh.push(r.used_ah);
    usage.set(r.reservation_id, u);
    const month = months.find((m) => m.from.getTime() === t);
    if (month && hoursIn(month).div(2).lte(r.reported)) complete.add(`${r.reservation_id}|${t}`);
  }
  const spans = <T extends { reservationId: string; startAt: Date; endAt: Date | null }>(list: T[]) =>
    list.filter((a) => byId.has(a.reservationId)).map((a) => ({ ...a, blockId: a.reservationId, from: a.startAt, to: a.endAt }));
  const mine = spans(selected);
  const used = allocatedUse({
    buckets: months,
    blocks: byId,
    selected: mine,
    all: spans(others),
    usedAh: usage,
    measuredTo: before,
    reported,
  });
  const index = new Map(months.map((m, i) => [m.from.getTime(), i]));
  return [["family", "h100e"] as [CapacityGroupBy, CapacityUnit], ...more].map(([by, unit]) => {
    const groups = new Map<string, UsageHistory["groups"][number]>();
    for (const a of mine) {
      const u = used.get(a.id);
      const b = byId.get(a.blockId)!;
      if (!u) continue;
      const [key, label] =
        by === "provider" ? [b.providerId, b.providerName] : by === "site" ? [b.siteId, b.siteName] : [b.family, b.family];
      const g = groups.get(key) ?? { key, label, used: months.map(() => dec(0)), complete: months.map(() => false) };
      u.months.forEach((t, k) => {
        const i = index.get(t)!;
        g.used[i] = g.used[i]!.plus(unit === "h100e" ? dec(u.usedAh[k]).times(b.h100eFactor) : u.usedAh[k]!);
        g.complete[i] = g.complete[i]! || complete.has(`${b.id}|${t}`);
      });
      groups.set(key, g);
    }
    return { months, groups: [...groups.values()].sort((x, y) => x.label.localeCompare(y.label)) };
  });
}
