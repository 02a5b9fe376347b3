import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/auth/context";
import { generateApiKey } from "@/lib/auth/api-keys";
import type { Db, DbHandle } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes, apiKeys, powerBudgets, providers, sites, users } from "@/lib/db/schema";
import { ROLES } from "@/lib/enums";
import { ForbiddenError } from "@/lib/errors";
import { insertCatalog, insertContractRow, insertReservationRow, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import {
  allocationRuleVersion,
  alertRuleVersion,
  allocationVersion,
  moneyBudgetVersion,
  offerVersion,
  teamVersion,
  workloadVersion,
} from "@/lib/testing/permission-lookups";
import type { SampleInputs } from "@/lib/testing/permission-samples";
import { WRITE_VERBS, type WriteVerbName } from "@/lib/testing/verbs";

async function seedCatalogRegisters(db: Db) {
  const [provider] = await db
    .insert(providers)
    .values([
      { name: "PM-PROV-EDIT", kind: "hyperscaler" },
      { name: "PM-PROV-ARCHIVE", kind: "neocloud" },
      { name: "PM-PROV-ARCHIVED", kind: "colo", archivedAt: new Date() },
    ])
    .returning();
  const site = (name: string, archivedAt: Date | null = null) => ({
    name,
    providerId: provider!.id,
    regionCode: "us-1",
    country: "US",
    pue: "1.20",
    archivedAt,
  });
  const [editSite] = await db
    .insert(sites)
    .values([site("PM-SITE-EDIT"), site("PM-SITE-ARCHIVE"), site("PM-SITE-ARCHIVED", new Date())])
    .returning();
  await db.insert(powerBudgets).values([
    { siteId: editSite!.id, effectiveFrom: "2050-01-01", effectiveTo: "2051-01-01", contractedMw: "10" },
    { siteId: editSite!.id, effectiveFrom: "2060-01-01", effectiveTo: null, contractedMw: "30" },
  ]);
  const type = (name: string, archivedAt: Date | null = null) => ({
    name,
    vendor: "NVIDIA",
    family: "B200",
    memoryGb: "180",
    bf16Tflops: "2250",
    systemW: 1800,
    h100Equivalent: "2.2741",
    archivedAt,
  });
  await db.insert(acceleratorTypes).values([type("PM-TYPE-EDIT"), type("PM-TYPE-ARCHIVE"), type("PM-TYPE-ARCHIVED", new Date())]);
  const { prefix, keyHash } = generateApiKey();
  await db.insert(apiKeys).values({ name: "PM-KEY", prefix, keyHash, role: "viewer" });
}

// Every row any area's sample inputs look up, so that each area's matrix runs on a database of its own.
async function seedPermissionMatrix(db: Db): Promise<Catalog> {
  await db.insert(users).values([
    { email: "target@example.com", name: "Target", role: "viewer" },
    { email: "admin@example.com", name: "Admin", role: "admin" },
  ]);
  const catalog = await insertCatalog(db);
  for (const reference of ["PM-EDIT", "PM-ARCHIVE", "PM-ARCHIVED"]) {
    await insertContractRow(db, catalog, { reference, archivedAt: reference === "PM-ARCHIVED" ? new Date() : null });
  }
  for (const name of ["PM-EDIT", "PM-ARCHIVE", "PM-ARCHIVED"]) {
    await insertReservationRow(db, catalog, { name, archivedAt: name === "PM-ARCHIVED" ? new Date() : null });
  }
  await seedCatalogRegisters(db);
  for (const note of ["PM-OFFER-EDIT", "PM-OFFER-ARCHIVE"]) await offerVersion(db, catalog, note);
  await offerVersion(db, catalog, "PM-OFFER-ARCHIVED", new Date());
  for (const name of ["PM-TEAM-OWNER", "PM-TEAM-EDIT", "PM-TEAM-ARCHIVE"]) await teamVersion(db, name);
  await teamVersion(db, "PM-TEAM-ARCHIVED", new Date());
  for (const name of ["PM-WL-EDIT", "PM-WL-ARCHIVE", "PM-WL-METRICS"]) await workloadVersion(db, name);
  await workloadVersion(db, "PM-WL-ARCHIVED", new Date());
  for (const note of ["PM-ALLOC-EDIT", "PM-ALLOC-ARCHIVE"]) await allocationVersion(db, catalog, note);
  for (const note of ["PM-RULE-FIRST", "PM-RULE-EDIT", "PM-RULE-ARCHIVE", "PM-RULE-MOVE"]) await allocationRuleVersion(db, note);
  await allocationRuleVersion(db, "PM-RULE-ARCHIVED", new Date());
  for (const name of ["PM-BUDGET-EDIT", "PM-BUDGET-ARCHIVE"]) await moneyBudgetVersion(db, name);
  await moneyBudgetVersion(db, "PM-BUDGET-ARCHIVED", new Date());
  for (const name of ["PM-ALERT-EDIT", "PM-ALERT-ARCHIVE", "PM-ALERT-FIRING"]) await alertRuleVersion(db, name);
  await alertRuleVersion(db, "PM-ALERT-ARCHIVED", new Date());
  return catalog;
}

async function fingerprint(db: Db): Promise<string> {
  const rows = await queryRows<{ t: string }>(
    db,
    sql`select (select count(*) from users)::text || '/' || (select coalesce(sum(version), 0) from users)::text || '/' || (select count(*) from audit_log)::text || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from contracts) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from reservations) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from sites) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(contracted_mw), 0) from power_budgets) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from providers) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from accelerator_types) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(revoked_at) from api_keys) || '/' || (select (coalesce(sum(version), 0) - count(*)) || ':' || count(archived_at) from reports) || '/' || (select count(revoked_at) from shared_reports) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from offers) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from teams) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from workloads) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from allocations) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) || ':' || coalesce(sum(position), 0) from allocation_rules) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) || ':' || coalesce(sum(amount), 0) from budgets) || '/' || (select count(*) || ':' || coalesce(sum(value), 0) from business_metrics) || '/' || (select count(*) from imports) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from alert_rules) || '/' || (select count(acknowledged_at) || ':' || count(resolved_at) from alerts) || '/' || (select count(*) from alert_evaluations) || '/' || (select count(*) || ':' || coalesce(string_agg(value::text, ','), '') from app_settings) || '/' || (select version from data_version)::text as t`,
  );
  return rows[0]!.t;
}

/** The permission matrix of one area: every role the verb's permission leaves out is refused and changes nothing; the others are let through. */
export function describePermissionMatrix(area: string, samples: SampleInputs): void {
  describeOnEachEngine(`permission matrix: ${area}`, (engine) => {
    let handle: DbHandle;
    let catalog: Catalog;
    beforeAll(async () => {
      handle = await createTestDatabase(engine, { versionTriggers: false });
      catalog = await seedPermissionMatrix(handle.db);
    });
    afterAll(() => handle.close());

    for (const [name, verb] of Object.entries(WRITE_VERBS) as [WriteVerbName, (typeof WRITE_VERBS)[WriteVerbName]][]) {
      const sample = samples[name];
      if (!sample) continue;
      for (const role of ROLES.filter((r) => !can(r, verb.permission))) {
        it(`refuses ${name} for ${role} and changes nothing`, async () => {
          const ctx: Ctx = { db: handle.db, actor: { id: null, email: `${role}@example.com`, role, kind: "user" } };
          const before = await fingerprint(handle.db);
          const input = await sample(handle.db, catalog);
          await expect(verb.run({ ctx, input })).rejects.toBeInstanceOf(ForbiddenError);
          expect(await fingerprint(handle.db)).toBe(before);
        });
      }
      const allowed = ROLES.filter((r) => can(r, verb.permission));
      it(`allows ${name} for ${allowed.join(", ")}${name.startsWith("preview") ? "" : " and bumps the data version"}`, async () => {
        expect(allowed.length).toBeGreaterThan(0);
        const ctx: Ctx = { db: handle.db, actor: { id: null, email: "admin@example.com", role: allowed[0]!, kind: "user" } };
        const input = await sample(handle.db, catalog);
        const before = await readDataVersion(handle.db);
        await expect(verb.run({ ctx, input })).resolves.toBeDefined();
        // The page cache is keyed by data_version: a verb that writes must bump it (previews write nothing).
        const after = await readDataVersion(handle.db);
        if (name.startsWith("preview")) expect(after).toBe(before);
        else expect(after).toBeGreaterThan(before);
      });
    }
  });
}
