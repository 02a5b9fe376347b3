import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { bumpDataVersion } from "@/lib/db/data-version";
import { auditLog } from "@/lib/db/schema";
import { loadDemoBilling } from "./billing";
import { ACCELERATORS, insertCatalog, PROVIDERS } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { insertContracts, planContracts, type ContractPlan } from "./contracts";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import { startOfUtcHour } from "./dates";
import { insertScenariosAndDemand } from "./demand";
import { insertOffers, planOffers, type OfferPlan } from "./offers";
import { insertPowerBudgets, planPowerBudgets, type PowerBudgetPlan } from "./power";
import type { ReservationPlan } from "./reservation-plan";
import { insertReservations, planReservations } from "./reservations";
import { insertSites, SITES } from "./sites";
import { insertSkuMappings } from "./sku-mappings";
import { insertTeamsAndWorkloads, TEAMS, WORKLOADS } from "./teams";
import { insertBudgets } from "./budgets";
import { blocksReportingWorkloads, insertAllocations, insertWorkloadUse, planAllocations } from "./allocations";
import { insertAllocationRules } from "./allocation-rules";
import { insertBusinessMetrics, planBusinessMetrics } from "./business-metrics";
import { hashDemoPassword, insertDemoUsers } from "./users";
import { insertUtilization, planUtilization, rollUpUtilization, type UtilizationProfile } from "./utilization";

export type SeedSummary = {
  providers: number;
  acceleratorTypes: number;
  sites: number;
  powerBudgets: number;
  contracts: number;
  reservations: number;
  utilizationHours: number;
  demandPlans: number;
  teams: number;
  workloads: number;
  allocations: number;
  allocationRules: number;
  businessMetrics: number;
  offers: number;
  users: number;
  billingRows?: number;
};

export type DemoPlan = {
  asOf: Date;
  monthOfAsOf: Date;
  reservations: ReservationPlan[];
  contracts: ContractPlan[];
  powerBudgets: PowerBudgetPlan[];
  utilization: UtilizationProfile[];
  offers: OfferPlan[];
};

export class DatabaseNotEmptyError extends Error {
  override name = "DatabaseNotEmptyError";
}

// Everything but row ids follows from asOf (truncated to its UTC hour) and fixed PRNG seeds.
export function planDemo(asOf: Date = new Date()): DemoPlan {
  const at = startOfUtcHour(asOf);
  const m0 = startOfUtcMonth(at);
  const reservations = planReservations(at, m0);
  return {
    asOf: at,
    monthOfAsOf: m0,
    reservations,
    contracts: planContracts(reservations, m0),
    powerBudgets: planPowerBudgets(reservations, m0),
    utilization: planUtilization(reservations, at),
    offers: planOffers(reservations, at, m0),
  };
}

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ taken: boolean }>(
    db,
    sql`select (exists (select 1 from users) or exists (select 1 from providers)) as taken`,
  );
  return row?.taken === false;
}

// Loads the demo portfolio in one transaction: a failure leaves the database as it was.
export async function seedDemo(db: Db, opts: { demoPassword: string; asOf?: Date }): Promise<SeedSummary> {
  const plan = planDemo(opts.asOf);
  const passwordHash = await hashDemoPassword(opts.demoPassword);
  const summary = await db.transaction(async (tx) => {
    if (!(await isDatabaseEmpty(tx))) {
      throw new DatabaseNotEmptyError("The database already has users or providers; the demo seed only loads into an empty database.");
    }
    const catalog = await insertCatalog(tx);
    await insertSkuMappings(tx, catalog);
    const siteIds = await insertSites(tx, catalog);
    const powerBudgets = await insertPowerBudgets(tx, plan.powerBudgets, siteIds);
    const contractIds = await insertContracts(tx, plan.contracts, catalog);
    const reservationIds = await insertReservations(tx, plan.reservations, { catalog, sites: siteIds, contracts: contractIds });
    const utilizationHours = await insertUtilization(tx, plan.utilization, reservationIds);
    await rollUpUtilization(tx);
    const workloadIds = await insertTeamsAndWorkloads(tx, plan.monthOfAsOf);
    await insertBudgets(tx, plan.reservations, plan.monthOfAsOf);
    const plannedAllocations = planAllocations(plan.reservations, plan.monthOfAsOf);
    const allocationCount = await insertAllocations(tx, plannedAllocations, { reservations: reservationIds, workloads: workloadIds });
    // One H100 and one H200 shared block report their use per workload, so showback has used and idle per workload.
    await insertWorkloadUse(tx, blocksReportingWorkloads(plan.reservations, plannedAllocations, plan.asOf), {
      reservations: reservationIds,
      workloads: workloadIds,
    });
    const allocationRuleCount = await insertAllocationRules(tx, catalog, workloadIds);
    const businessMetricCount = await insertBusinessMetrics(tx, planBusinessMetrics(plan.asOf), workloadIds);
    const demandPlans = await insertScenariosAndDemand(tx, catalog, plan.monthOfAsOf, workloadIds);
    const offers = await insertOffers(tx, plan.offers, { catalog, sites: siteIds });
    const users = await insertDemoUsers(tx, passwordHash);
    const summary: SeedSummary = {
      providers: PROVIDERS.length,
      acceleratorTypes: ACCELERATORS.length,
      sites: SITES.length,
      powerBudgets,
      contracts: plan.contracts.length,
      reservations: plan.reservations.length,
      utilizationHours,
      demandPlans,
      teams: TEAMS.length,
      workloads: WORKLOADS.length,
      allocations: allocationCount,
      allocationRules: allocationRuleCount,
      businessMetrics: businessMetricCount,
      offers,
      users,
    };
    await tx.insert(auditLog).values({
      actor: SEED_ACTOR,
      action: "seed.demo",
      entityType: "database",
      entityId: null,
      after: summary,
    });
    await bumpDataVersion(tx);
    return summary;
  });
  // After the register transaction: the billing goes through the real FOCUS importer, which runs its own.
  summary.billingRows = await loadDemoBilling(db, plan.monthOfAsOf);
  return summary;
}
