import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { loadExpiring, loadFleet, type ExpiringSection, type FleetSection } from "./overview/fleet";
import { loadPower, type PowerSection } from "./overview/power";
import { loadRunway, type RunwaySection } from "./overview/runway";
import { loadCommitted, loadPlannedSpend, type CommittedSection, type PlannedSpendSection } from "./overview/spend";
import { loadUtilization, type UtilizationSection } from "./overview/utilization";

export type { CommittedSection, ExpiringSection, FleetSection, PlannedSpendSection, PowerSection, RunwaySection, UtilizationSection };

export type OverviewCounts = { contracts: number; reservations: number; sites: number; acceleratorTypes: number };

export type OverviewResult = {
  asOf: Date;
  counts: OverviewCounts;
  isEmpty: boolean;
  committed: CommittedSection;
  plannedSpend: PlannedSpendSection;
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

/** Every Overview KPI at asOf (default: now), baseline scenario, planned (not billed) costs, in USD. */
export async function getOverview(db: Executor, params: { asOf?: Date } = {}): Promise<OverviewResult> {
  const asOf = params.asOf ?? new Date();
  const [counts, committed, plannedSpend, fleet, utilization, power, runway, expiring] = await Promise.all([
    loadCounts(db),
    loadCommitted(db),
    loadPlannedSpend(db, asOf),
    loadFleet(db, asOf),
    loadUtilization(db, asOf),
    loadPower(db, asOf),
    loadRunway(db, asOf),
    loadExpiring(db, asOf),
  ]);
  return {
    asOf,
    counts,
    isEmpty: counts.contracts === 0 && counts.reservations === 0,
    committed,
    plannedSpend,
    fleet,
    utilization,
    power,
    runway,
    expiring,
  };
}
