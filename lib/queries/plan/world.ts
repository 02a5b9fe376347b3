import { fxRates } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import { startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import { averageUnitsByMonth, type Band, type CapacityDemandLine } from "@/lib/metrics/capacity-demand";
import type { FxRates } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import { blockH100e } from "@/lib/planning/block-h100e";
import { loadPlanningModels, type PlanningBlock, type PlanningModel, type ScenarioSource } from "@/lib/planning/model";
import type { MonthKey, PlanSite, PlanWorld } from "@/lib/planning/procurement/types";
import { buildLines, HISTORY_MONTHS } from "@/lib/queries/capacity";
import { loadUsageHistory, type UsageHistory } from "@/lib/queries/capacity/history";
import { buildPowerPage } from "@/lib/queries/power";
import type { PlanDemandBand, PlanInputs } from "@/lib/validation/plan";
import { planOffers, readDeliverySlips, readOffers } from "./offers";

// The world a procurement plan is solved on (PRODUCT.md §3), read from the registers with the Capacity and Power pages'
// own functions, so the plan's "before" is what those pages show.
//
// Months: the horizon's months begin with the month after asOf (the running month is partly past, and capacity bought
// today counts from a whole month): `horizon` months from there. The forecast is computed as the Capacity page computes
// it, from the running month on (same history, same demand plans ahead), and the running month then dropped, so every
// month both show has the same demand and capacity.

/**
 * The world, its months, and what the plan's "after" is computed from: the scenario's model (its "before"), what
 * that model was made from (to apply the plan's blocks on top) and the family usage history the Capacity page reads.
 */
export type LoadedPlanWorld = {
  world: PlanWorld;
  months: Period[];
  warnings: string[];
  model: PlanningModel;
  source: ScenarioSource;
  history: UsageHistory;
};

const BAND: Record<PlanDemandBand, (b: Band) => Band["median"]> = {
  median: (b) => b.median,
  p80: (b) => b.upper80,
  p95: (b) => b.upper95,
};

function monthKey(p: Period): MonthKey {
  return p.from.toISOString().slice(0, 7);
}

function chosenFamilies(model: PlanningModel, lines: readonly CapacityDemandLine[], asked: readonly string[] | null): string[] {
  const known = new Set([...model.catalog.acceleratorTypes.map((t) => t.family), ...lines.map((l) => l.key)]);
  if (!asked) return lines.map((l) => l.key).sort();
  const unknown = asked.filter((f) => !known.has(f));
  if (unknown.length)
    throw new ValidationError(`Unknown accelerator family: ${unknown.join(", ")}. Families: ${[...known].sort().join(", ")}.`, {
      families: [`Unknown family ${unknown[0]}.`],
    });
  return [...new Set(asked)];
}

/** H100e held per holder (provider, chip vendor or site) per month: the same average-over-the-month as the capacity lines. */
function existingBy(
  blocks: readonly PlanningBlock[],
  months: readonly Period[],
  holder: (b: PlanningBlock) => string,
): Record<string, number[]> {
  const groups = new Map<string, PlanningBlock[]>();
  for (const b of blocks) {
    const key = holder(b);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return Object.fromEntries(
    [...groups].map(([key, list]) => [
      key,
      averageUnitsByMonth(
        list.map((b) => ({ units: blockH100e(b), startAt: b.startAt, endAt: b.endAt })),
        months,
      ).map((d) => d.toNumber()),
    ]),
  );
}

/** Every site with its budget MW and facility MW per month at the month's tightest instant, as the Power page reads them. */
function planSites(model: PlanningModel, months: Period[]): PlanSite[] {
  const power = buildPowerPage(model, months);
  const budgeted = new Map(power.sites.map((s) => [s.siteId, s.monthly]));
  const loaded = new Map(power.unbudgeted.map((s) => [s.siteId, s.monthly]));
  return model.sites.map((site) => {
    const monthly = budgeted.get(site.id);
    if (monthly)
      return {
        id: site.id,
        name: site.name,
        budgetMw: monthly.map((p) => p.budgetMw.toNumber()),
        existingMw: monthly.map((p) => p.facilityMw.toNumber()),
      };
    return { id: site.id, name: site.name, existingMw: loaded.get(site.id)?.map((p) => p.facilityMw.toNumber()) ?? months.map(() => 0) };
  });
}

/**
 * The plan's world: demand per family and month (the Capacity page's forecast band asked for, plus demand plans, under
 * the scenario), the H100e already held (per family, provider, vendor and site), each site's power budget and load,
 * and the offers that may be bought (lib/queries/plan/offers.ts).
 */
export async function loadPlanWorld(ctx: Ctx, inputs: PlanInputs, asOf: Date, rates: FxRates = fxRates()): Promise<LoadedPlanWorld> {
  const withRunning = utcMonths(asOf, inputs.horizon + 1);
  const months = withRunning.slice(1);
  const horizonEnd = months.at(-1)!.to;
  const [{ model, source }, history, rows, slips] = await Promise.all([
    loadPlanningModels(ctx, { scenarioId: inputs.scenario, asOf }),
    loadUsageHistory(ctx.db, { before: startOfUtcMonth(asOf), months: HISTORY_MONTHS, by: "family", unit: "h100e" }),
    readOffers(ctx.db, asOf, horizonEnd),
    inputs.lateDelivery ? readDeliverySlips(ctx.db, asOf) : Promise.resolve(new Map<string, number>()),
  ]);
  const lines = buildLines(model, history, { by: "family", unit: "h100e", months: withRunning, plansLeftOut: false });
  const families = chosenFamilies(model, lines, inputs.families);
  const familySet = new Set(families);
  const lineOf = new Map(lines.map((l) => [l.key, l]));
  const series = (f: string, pick: (p: CapacityDemandLine["points"][number]) => number) =>
    lineOf.get(f)?.points.slice(1).map(pick) ?? months.map(() => 0);
  const band = BAND[inputs.demand];
  const held = model.blocks.filter((b) => familySet.has(b.family));
  const { offers, warnings } = planOffers({ rows, inputs, families: familySet, model, asOf, firstMonth: months[0]!.from, slips, rates });
  const names: Record<string, string> = {};
  for (const b of held) {
    names[b.providerId] = b.providerName;
    names[b.siteId] = b.siteName;
  }
  const world: PlanWorld = {
    months: months.map(monthKey),
    families,
    demand: Object.fromEntries(families.map((f) => [f, series(f, (p) => band(p.demand).toNumber())])),
    existingCapacity: Object.fromEntries(families.map((f) => [f, series(f, (p) => p.capacity.toNumber())])),
    sites: planSites(model, months),
    existingByProvider: existingBy(held, months, (b) => b.providerId),
    existingByVendor: existingBy(held, months, (b) => b.vendor),
    existingBySite: existingBy(held, months, (b) => b.siteId),
    names,
    offers,
    caps: {
      ...(inputs.capProvider !== null ? { provider: inputs.capProvider } : {}),
      ...(inputs.capVendor !== null ? { vendor: inputs.capVendor } : {}),
      ...(inputs.capSite !== null ? { site: inputs.capSite } : {}),
    },
    budgetUsd: inputs.budgetUsd,
  };
  return { world, months, warnings: [...model.warnings, ...warnings], model, source, history };
}
