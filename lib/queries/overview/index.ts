import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { loadPlanningModel, type PlanningModel } from "@/lib/planning/model";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead, pageClock } from "@/lib/cache/read";
import { fxRates } from "@/lib/env";
import type { FxRates } from "@/lib/metrics/fx";
import { loadCapacityRunway, type CapacityRunway } from "@/lib/queries/capacity";
import { expiringFrom, fleetAt, type ExpiringSection, type FleetSection } from "./fleet";
import { buildPower, type PowerSection } from "./headroom";
import { buildSpend, loadCommitted, loadSpendInputs, type CommittedSection, type SpendSection } from "./spend";
import { loadUtilization, type UtilizationSection } from "./utilization";

export type { CommittedSection, ExpiringSection, FleetSection, PowerSection, SpendSection, UtilizationSection };
export type RunwaySection = CapacityRunway;

export type OverviewCounts = { contracts: number; reservations: number; sites: number; acceleratorTypes: number };

export type OverviewResult = {
  asOf: Date;
  scenario: PlanningModel["scenario"];
  /** Scenario overrides that could not be applied. */
  warnings: string[];
  counts: OverviewCounts;
  isEmpty: boolean;
  committed: CommittedSection;
  spend: SpendSection;
  fleet: FleetSection;
  utilization: UtilizationSection;
  power: PowerSection;
  runway: RunwaySection;
  expiring: ExpiringSection;
};

async function loadCounts(db: Executor): Promise<OverviewCounts> {
  const [row] = await queryRows<{ contracts: number; reservations: number; sites: number; accelerator_types: number }>(
    db,
    sql`select (select count(*) from contracts where archived_at is null)::int as contracts,
               (select count(*) from reservations where archived_at is null)::int as reservations,
               (select count(*) from sites where archived_at is null)::int as sites,
               (select count(*) from accelerator_types where archived_at is null)::int as accelerator_types`,
  );
  return {
    contracts: row?.contracts ?? 0,
    reservations: row?.reservations ?? 0,
    sites: row?.sites ?? 0,
    acceleratorTypes: row?.accelerator_types ?? 0,
  };
}

/**
 * Every Overview KPI at asOf (default: now, to the minute; cached per data version), with the functions of the pages they link to: runway from /capacity,
 * spend from /costs, headroom from /power. One planning model (the scenario's, or the baseline) serves the runway,
 * spend, headroom, fleet and expiring sections; committed spend and utilization read the registers and rollups.
 * Money is in USD, other currencies converted at `fxRates` (HEADROOM_FX_RATES by default); what cannot be converted
 * is left out and counted in each section's `unconverted`.
 */
export async function getOverview(
  ctx: Ctx,
  params: { asOf?: Date; scenario?: string | null; fxRates?: FxRates } = {},
): Promise<OverviewResult> {
  requirePermission(ctx, "app.read");
  const asOf = params.asOf ?? pageClock();
  const rates = params.fxRates ?? fxRates();
  const scenario = params.scenario ?? null;
  return cachedRead("overview", ctx.db, { asOf, rates, scenario }, () => computeOverview(ctx, asOf, rates, scenario));
}

async function computeOverview(ctx: Ctx, asOf: Date, rates: FxRates, scenario: string | null): Promise<OverviewResult> {
  const utilizationLoad = loadUtilization(ctx, asOf, rates); // the slowest read: asked for first, before the pool fills
  const modelLoad = loadPlanningModel(ctx, { scenarioId: scenario, asOf });
  // Each section is built as soon as its own reads are in, while the others are still being read.
  const fromModel = modelLoad.then((model) => ({
    model,
    fleet: fleetAt(model.blocks, asOf),
    power: buildPower(model, asOf),
    expiring: expiringFrom(model.blocks, asOf),
  }));
  const spendLoad = Promise.all([modelLoad, loadSpendInputs(ctx, asOf)]).then(([model, inputs]) =>
    buildSpend(model.blocks, inputs, asOf, rates),
  );
  const [{ model, fleet, power, expiring }, runway, spend, counts, committed, utilization] = await Promise.all([
    fromModel,
    loadCapacityRunway(ctx, { asOf, scenario }, modelLoad),
    spendLoad,
    loadCounts(ctx.db),
    loadCommitted(ctx.db, rates),
    utilizationLoad,
  ]);
  return {
    asOf,
    scenario: model.scenario,
    warnings: model.warnings,
    counts,
    isEmpty: counts.contracts === 0 && counts.reservations === 0,
    committed,
    spend,
    fleet,
    utilization,
    power,
    runway,
    expiring,
  };
}
