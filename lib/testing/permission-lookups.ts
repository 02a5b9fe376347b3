import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  alertRules,
  alerts,
  acceleratorTypes,
  allocationRules,
  allocations,
  apiKeys,
  budgets,
  channels,
  contractMappings,
  contracts,
  demandPlans,
  offers,
  reportSchedules,
  powerBudgets,
  providers,
  reports,
  reservations,
  scenarios,
  sharedReports,
  sites,
  skuMappings,
  teams,
  workloads,
} from "@/lib/db/schema";
import { generateShareToken } from "@/lib/sharing/tokens";
import { insertReservationRow, type Catalog } from "@/lib/testing/commercial-fixtures";

// The permission matrix's rows by their seeded key: id and version, created on first use where the seed has none.

// Contracts are found by reference, reservations by name.
export async function versionOf(db: Db, table: typeof contracts | typeof reservations, key: string) {
  const [row] =
    table === contracts
      ? await db
          .select()
          .from(contracts)
          .where(sql`${contracts.reference} = ${key}`)
      : await db
          .select()
          .from(reservations)
          .where(sql`${reservations.name} = ${key}`);
  return { id: row!.id, version: row!.version };
}

// Reports are found by name, created on first use; share links are a fresh unrevoked link on PM-REPORT-SHARE.
export async function reportVersion(db: Db, name: string) {
  const [found] = await db
    .select({ id: reports.id, version: reports.version })
    .from(reports)
    .where(sql`${reports.name} = ${name}`);
  if (found) return found;
  const [row] = await db
    .insert(reports)
    .values({ name, scope: { sections: ["kpis"], filters: {}, scenarioId: null } })
    .returning({ id: reports.id, version: reports.version });
  return row!;
}

export async function liveShareLink(db: Db) {
  const { id: reportId } = await reportVersion(db, "PM-REPORT-SHARE");
  const [row] = await db
    .insert(sharedReports)
    .values({
      reportId,
      name: "PM-LINK",
      scope: { sections: ["kpis"], filters: {}, scenarioId: null },
      tokenHash: generateShareToken().tokenHash,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: sharedReports.id });
  return row!.id;
}

// Sites, providers, accelerator types and API keys are found by name; power budget steps by their start on PM-SITE-EDIT.
export async function catalogVersion(
  db: Db,
  table: typeof sites | typeof providers | typeof acceleratorTypes | typeof apiKeys,
  name: string,
) {
  const [row] = await db
    .select({ id: table.id, version: table.version })
    .from(table)
    .where(sql`${table.name} = ${name}`);
  return { id: row!.id, version: row!.version };
}

// SKU mappings are found by SKU id, created on first use.
export async function skuMappingVersion(db: Db, catalog: Catalog, skuId: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: skuMappings.id, version: skuMappings.version })
    .from(skuMappings)
    .where(sql`${skuMappings.skuId} = ${skuId}`);
  if (found) return found;
  const [row] = await db
    .insert(skuMappings)
    .values({ providerId: catalog.provider.id, skuId, acceleratorTypeId: catalog.type.id, archivedAt })
    .returning({ id: skuMappings.id, version: skuMappings.version });
  return row!;
}

// Contract mappings are found by their SKU id, created on first use (tied to the contract PM-EDIT).
export async function contractMappingVersion(db: Db, catalog: Catalog, skuId: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: contractMappings.id, version: contractMappings.version })
    .from(contractMappings)
    .where(sql`${contractMappings.skuId} = ${skuId}`);
  if (found) return found;
  const { id: contractId } = await versionOf(db, contracts, "PM-EDIT");
  const [row] = await db
    .insert(contractMappings)
    .values({ providerId: catalog.provider.id, skuId, contractId, archivedAt })
    .returning({ id: contractMappings.id, version: contractMappings.version });
  return row!;
}

// Scenarios are found by name, created on first use.
export async function scenarioVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: scenarios.id, version: scenarios.version })
    .from(scenarios)
    .where(sql`${scenarios.name} = ${name}`);
  if (found) return found;
  const [row] = await db
    .insert(scenarios)
    .values({ name, overrides: {}, archivedAt })
    .returning({ id: scenarios.id, version: scenarios.version });
  return row!;
}

// Demand plans are found by name, created on first use.
export async function demandPlanVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: demandPlans.id, version: demandPlans.version })
    .from(demandPlans)
    .where(sql`${demandPlans.name} = ${name}`);
  if (found) return found;
  const [row] = await db
    .insert(demandPlans)
    .values({
      name,
      kind: "inference",
      acceleratorFamily: "H100",
      accelerators: 8,
      startDate: "2027-01-01",
      endDate: "2027-02-01",
      archivedAt,
    })
    .returning({ id: demandPlans.id, version: demandPlans.version });
  return row!;
}

// Offers are found by their note, created on first use.
export async function offerVersion(db: Db, catalog: Catalog, note: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: offers.id, version: offers.version })
    .from(offers)
    .where(sql`${offers.note} = ${note}`);
  if (found) return found;
  const [row] = await db
    .insert(offers)
    .values({
      providerId: catalog.provider.id,
      region: "us-central1",
      acceleratorTypeId: catalog.type.id,
      pricingModel: "spot",
      rate: "1",
      validFrom: "2026-01-01",
      source: "list",
      note,
      archivedAt,
    })
    .returning({ id: offers.id, version: offers.version });
  return row!;
}

export async function budgetVersion(db: Db, effectiveFrom: string) {
  const [row] = await db
    .select({ id: powerBudgets.id, version: powerBudgets.version })
    .from(powerBudgets)
    .where(sql`${powerBudgets.effectiveFrom} = ${effectiveFrom}::date`);
  return { id: row!.id, version: row!.version };
}

// Money budgets are found by name, created on first use (a monthly lab budget of $10,000).
export async function moneyBudgetVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: budgets.id, version: budgets.version })
    .from(budgets)
    .where(sql`${budgets.name} = ${name}`);
  if (found) return found;
  const [row] = await db
    .insert(budgets)
    .values({ name, scopeKind: "lab", periodKind: "month", amount: "10000", activeFrom: "2026-01-01", archivedAt })
    .returning({ id: budgets.id, version: budgets.version });
  return row!;
}

// Teams are found by name, created on first use (top-level).
export async function teamVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: teams.id, version: teams.version })
    .from(teams)
    .where(sql`${teams.name} = ${name}`);
  if (found) return found;
  const [row] = await db.insert(teams).values({ name, archivedAt }).returning({ id: teams.id, version: teams.version });
  return row!;
}

// Workloads are found by name, created on first use (owned by the team PM-TEAM-OWNER).
export async function workloadVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: workloads.id, version: workloads.version })
    .from(workloads)
    .where(sql`${workloads.name} = ${name}`);
  if (found) return found;
  const { id: teamId } = await teamVersion(db, "PM-TEAM-OWNER");
  const [row] = await db
    .insert(workloads)
    .values({ name, kind: "research", teamId, activeFrom: "2026-01-01", archivedAt })
    .returning({ id: workloads.id, version: workloads.version });
  return row!;
}

// The block allocations are made on (100 accelerators over [1 Feb 2026, 1 Aug 2026)), created on first use.
export async function allocationBlock(db: Db, catalog: Catalog) {
  const [found] = await db
    .select({ id: reservations.id })
    .from(reservations)
    .where(sql`${reservations.name} = 'PM-ALLOC-BLOCK'`);
  return found ?? (await insertReservationRow(db, catalog, { name: "PM-ALLOC-BLOCK", quantity: 100 }));
}

// Allocations are found by their note, created on first use (1 accelerator of PM-ALLOC-BLOCK to PM-WL-ALLOC from March 2026).
export async function allocationVersion(db: Db, catalog: Catalog, note: string) {
  const [found] = await db
    .select({ id: allocations.id, version: allocations.version })
    .from(allocations)
    .where(sql`${allocations.notes} = ${note}`);
  if (found) return found;
  const block = await allocationBlock(db, catalog);
  const { id: workloadId } = await workloadVersion(db, "PM-WL-ALLOC");
  const [row] = await db
    .insert(allocations)
    .values({ reservationId: block.id, workloadId, quantity: 1, startAt: new Date("2026-03-01T00:00:00Z"), notes: note })
    .returning({ id: allocations.id, version: allocations.version });
  return row!;
}

// Allocation rules are found by their note, created on first use (last in the order, on service = the note, to PM-WL-RULE).
export async function allocationRuleVersion(db: Db, note: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: allocationRules.id, version: allocationRules.version })
    .from(allocationRules)
    .where(sql`${allocationRules.notes} = ${note}`);
  if (found) return found;
  const { id: workloadId } = await workloadVersion(db, "PM-WL-RULE");
  // The position is read first: Citus refuses a subquery inside an INSERT into a reference table.
  const [last] = await db.select({ position: sql<number>`coalesce(max(${allocationRules.position}), 0)::int` }).from(allocationRules);
  const [row] = await db
    .insert(allocationRules)
    .values({
      position: Number(last?.position ?? 0) + 1,
      serviceName: note,
      workloadId,
      notes: note,
      archivedAt,
    })
    .returning({ id: allocationRules.id, version: allocationRules.version });
  return row!;
}

// Alert rules are found by name, created on first use (a stale-import rule, cheap to evaluate).
export async function alertRuleVersion(db: Db, name: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: alertRules.id, version: alertRules.version })
    .from(alertRules)
    .where(sql`${alertRules.name} = ${name}`);
  if (found) return found;
  const [row] = await db
    .insert(alertRules)
    .values({ name, kind: "stale_import", params: { days: 30, of: "provider" }, archivedAt })
    .returning({ id: alertRules.id, version: alertRules.version });
  return row!;
}

// A new firing alert of the seeded rule PM-ALERT-FIRING, for each acknowledge or resolve.
export async function firingAlert(db: Db) {
  const rule = await alertRuleVersion(db, "PM-ALERT-FIRING");
  const now = new Date();
  const [row] = await db
    .insert(alerts)
    .values({
      ruleId: rule.id,
      subjectKey: `pm:${randomUUID()}`,
      status: "firing",
      severity: "warning",
      title: "PM alert",
      firstFiredAt: now,
      lastSeenAt: now,
    })
    .returning({ id: alerts.id });
  return { id: row!.id };
}

/** An email channel found or made by name, with its version. */
export async function channelVersion(db: Db, name: string) {
  const [found] = await db
    .select({ id: channels.id, version: channels.version })
    .from(channels)
    .where(sql`${channels.name} = ${name} and ${channels.archivedAt} is null`);
  if (found) return found;
  const [row] = await db
    .insert(channels)
    .values({ name, kind: "email", config: { recipients: ["pm@example.com"] } })
    .returning({ id: channels.id, version: channels.version });
  return row!;
}

/** A weekly schedule of PM-REPORT-SCHEDULE found or made by its one recipient, with its version. */
export async function scheduleVersion(db: Db, recipient: string) {
  const { id: reportId } = await reportVersion(db, "PM-REPORT-SCHEDULE");
  const [found] = await db
    .select({ id: reportSchedules.id, version: reportSchedules.version })
    .from(reportSchedules)
    .where(sql`${reportSchedules.recipients} @> ${JSON.stringify([recipient])}::jsonb and ${reportSchedules.archivedAt} is null`);
  if (found) return { ...found, reportId };
  const [row] = await db
    .insert(reportSchedules)
    .values({ reportId, cadence: "weekly", weekday: 1, hour: 8, timeZone: "UTC", recipients: [recipient] })
    .returning({ id: reportSchedules.id, version: reportSchedules.version });
  return { ...row!, reportId };
}
