import { DAY_PRESETS, parsePlanningFilters, type PlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import { startOfUtcDay, startOfUtcMonth, utcDays, utcMonths } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import {
  summarizeUtilization,
  type BlockUsage,
  type BucketUsage,
  type Usage,
  type UtilizationGroupBy,
} from "@/lib/metrics/utilization-view";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { loadMonthlyUsed } from "../costs/billing";
import { loadCostBlocks, type CostBlock, type CostFilters } from "../costs/blocks";
import { MONEY_CURRENCY } from "@/lib/db/sql";
import { fxRates } from "@/lib/env";
import { blocksInUsd, unconverted, type FxRates, type Unconverted } from "@/lib/metrics/fx";
import { allocatedUse, allocationBlock } from "@/lib/metrics/allocated-use";
import type { MonthlyUsage } from "@/lib/metrics/monthly-spend";
import {
  loadBlockAllocations,
  loadReportedWorkloadUse,
  loadSelectedAllocations,
  loadSelection,
  type Selection,
} from "../filters/selection";

export type Grain = "month" | "day";
export const MAX_DAILY_MONTHS = 6;

export type UtilizationView = {
  asOf: Date;
  currency: string;
  grain: Grain;
  by: UtilizationGroupBy;
  /** Hours before this instant are measured (start of today, UTC); capacity after it is not counted. */
  measuredTo: Date;
  /** The period shown: whole months, or whole days for a day preset ("last30d", the Overview's window). */
  period: Period;
  buckets: BucketUsage[];
  groups: string[];
  /** Each group over the whole period. */
  groupTotals: Map<string, Usage>;
  /** Reserved blocks in a currency without a rate in HEADROOM_FX_RATES: their idle hours are counted, not priced. */
  idleUnconverted: Unconverted;
  /** Blocks with capacity in the period but no utilization row: left out of every figure (PRODUCT.md §3). */
  unmeasured: BlockUsage["block"][];
  /** Ranked by idle cost, then idle AH, then name; only the first `blockLimit` when one was asked for. */
  blocks: BlockUsage[];
  /** Measured blocks with capacity or use in the period (all of them, whatever `blockLimit`). */
  blockCount: number;
  total: Usage;
  /** The team / workload filter: the blocks are its allocations (capacity = allocated AH, used = their pro-rata share). */
  selection: Selection | null;
};

function monthCount(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}

/** Daily when asked and the range is at most six months, or by default for ranges up to three months; else monthly. */
export function chooseGrain(requested: string | undefined, from: Date, to: Date): Grain {
  const months = monthCount(from, to);
  if (requested === "day") return months <= MAX_DAILY_MONTHS ? "day" : "month";
  if (requested === "month") return "month";
  return months <= 3 ? "day" : "month";
}

/**
 * Utilization of the filtered blocks over [from, to) by month (utilization_monthly) or day (utilization_daily) —
 * never the hourly table — per group (family, provider or site) and per block, with idle hours and their cost.
 * Monthly: the range is widened to whole months; daily: to whole days. The Overview's KPI is this function over its
 * 30 days, so both pages give one figure.
 */
export async function getUtilizationView(
  ctx: Ctx,
  filters: CostFilters,
  options: {
    asOf?: Date;
    grain?: Grain;
    by?: UtilizationGroupBy;
    blockLimit?: number;
    fxRates?: FxRates;
    /** Only what these workloads hold: each allocation a block of its own, its use its share (allocatedUse). */
    selection?: Selection | null;
  } = {},
): Promise<UtilizationView> {
  requirePermission(ctx, "app.read");
  const asOf = options.asOf ?? new Date();
  const grain = options.grain ?? "month";
  const by = options.by ?? "family";
  const from = grain === "month" ? startOfUtcMonth(filters.from) : startOfUtcDay(filters.from);
  const to = grain === "month" ? startOfUtcMonth(filters.to) : startOfUtcDay(filters.to);
  const f = { ...filters, from, to };
  const measuredTo = startOfUtcDay(asOf);
  const buckets: Period[] = grain === "month" ? utcMonths(from, monthCount(from, to)) : utcDays({ from, to });
  const selection = options.selection ?? null;
  const [registered, blockUse, selected] = await Promise.all([
    loadCostBlocks(ctx, f),
    loadMonthlyUsed(ctx, f, grain),
    selection ? loadSelectedAllocations(ctx, selection) : null,
  ]);
  let loaded: (CostBlock & { reservationId?: string })[] = registered;
  let usedAh: MonthlyUsage = blockUse;
  if (selected) {
    const byId = new Map(registered.map((b) => [b.id, b]));
    const spans = (list: typeof selected | Awaited<ReturnType<typeof loadBlockAllocations>>) =>
      list.filter((a) => byId.has(a.reservationId)).map((a) => ({ ...a, blockId: a.reservationId, from: a.startAt, to: a.endAt }));
    const mine = spans(selected);
    const all = spans(
      await loadBlockAllocations(
        ctx,
        mine.map((a) => a.blockId),
      ),
    );
    const reserved = [...new Set(mine.map((a) => a.blockId))].filter((id) => byId.get(id)!.pricingModel === "reserved");
    const reported = await loadReportedWorkloadUse(ctx, reserved, { from, to, grain });
    usedAh = allocatedUse({ buckets, blocks: byId, selected: mine, all, usedAh: blockUse, measuredTo, reported });
    loaded = selected.flatMap((a) => {
      const block = byId.get(a.reservationId);
      const cut = block ? allocationBlock(block, { quantity: a.quantity, from: a.startAt, to: a.endAt }) : null;
      return cut ? [{ ...cut, id: a.id, reservationId: block!.id, name: `${block!.name} · ${a.workloadName}` }] : [];
    });
  }
  // Idle cost in USD: rates in other currencies converted (lib/metrics/fx.ts); a block without a rate is not priced.
  const rates = options.fxRates ?? fxRates();
  const blocks = blocksInUsd(loaded, rates).blocks;
  const summary = summarizeUtilization({
    buckets,
    blocks,
    usedAh,
    measuredTo,
    by,
    currency: MONEY_CURRENCY,
    blockLimit: options.blockLimit,
  });
  const groups = [...summary.groups]
    .sort(([ga, a], [gb, b]) => b.capacityAh.comparedTo(a.capacityAh) || ga.localeCompare(gb))
    .map(([g]) => g);
  // Measured reserved blocks whose idle hours could not be priced.
  const idleUnconverted = unconverted(
    loaded.filter((b) => b.pricingModel === "reserved" && usedAh.has(b.id)),
    rates,
  );
  return {
    asOf,
    currency: MONEY_CURRENCY,
    grain,
    by,
    measuredTo,
    period: { from, to },
    ...summary,
    groups,
    groupTotals: summary.groups,
    idleUnconverted,
    selection,
  };
}

export const UTILIZATION_DEFAULTS = { range: "last12m", by: "family" } as const;

/** A range of whole days (a day preset) has no monthly view. */
export function dayOnly(filters: Pick<PlanningFilters, "range">): boolean {
  return (DAY_PRESETS as readonly string[]).includes(filters.range ?? "");
}

/** /utilization and its exports: filters from the URL (the last 12 whole months by default) and `grain`. */
export async function getUtilizationFromUrl(
  ctx: Ctx,
  raw: RawSearchParams | URLSearchParams,
  asOf = new Date(),
  options: { blockLimit?: number } = {},
): Promise<{ filters: PlanningFilters; view: UtilizationView }> {
  const filters = parsePlanningFilters(raw, { now: asOf, defaults: UTILIZATION_DEFAULTS, dayPresets: DAY_PRESETS });
  const requested = raw instanceof URLSearchParams ? (raw.get("grain") ?? undefined) : ([raw.grain].flat()[0] ?? undefined);
  const grain = dayOnly(filters) ? "day" : chooseGrain(requested, filters.from, filters.to);
  const selection = await loadSelection(ctx, filters);
  const view = await getUtilizationView(ctx, filters, { asOf, grain, by: filters.by, blockLimit: options.blockLimit, selection });
  return { filters, view };
}
