import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/enums";
import type { Db, DbHandle } from "@/lib/db/client";
import {
  acceleratorTypes,
  apiKeys,
  contractMappings,
  contracts,
  demandPlans,
  offers,
  powerBudgets,
  providers,
  reports,
  reservations,
  scenarios,
  sharedReports,
  sites,
  skuMappings,
  users,
} from "@/lib/db/schema";
import { generateShareToken } from "@/lib/sharing/tokens";
import { generateApiKey } from "@/lib/auth/api-keys";
import { insertCatalog, insertContractRow, insertReservationRow, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { queryRows } from "@/lib/db/rows";
import { ForbiddenError } from "@/lib/errors";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { WRITE_VERBS, type WriteVerbName } from "@/lib/testing/verbs";

// A valid input per verb, so that a refusal can only come from the permission check.
const SAMPLE_INPUTS: Record<WriteVerbName, (db: Db) => object | Promise<object>> = {
  createUser: () => ({ email: "new@example.com", name: "New", role: "viewer" }),
  updateUser: async (db) => {
    const [u] = await db
      .select()
      .from(users)
      .where(sql`${users.email} = 'target@example.com'`);
    return { id: u!.id, version: u!.version, changes: { role: "finance" } };
  },
  createContract: () => ({
    providerId: matrixCatalog.provider.id,
    name: "Matrix new contract",
    startDate: "2026-01-01",
    endDate: "2027-01-01",
    committedAmount: "500000",
    currency: "USD",
    paymentTerms: "monthly",
    status: "proposed",
  }),
  updateContract: async (db) => ({ ...(await versionOf(db, contracts, "PM-EDIT")), changes: { committedAmount: "750000" } }),
  archiveContract: async (db) => versionOf(db, contracts, "PM-ARCHIVE"),
  unarchiveContract: async (db) => versionOf(db, contracts, "PM-ARCHIVED"),
  createReservation: () => ({
    name: `Matrix new block ${Date.now()}`,
    providerId: matrixCatalog.provider.id,
    siteId: matrixCatalog.site.id,
    acceleratorTypeId: matrixCatalog.type.id,
    quantity: 16,
    startAt: "2026-03-01",
    endAt: "2026-09-01",
    pricingModel: "reserved",
    rate: "2.10",
    currency: "USD",
    status: "planned",
  }),
  updateReservation: async (db) => ({ ...(await versionOf(db, reservations, "PM-EDIT")), changes: { quantity: 32 } }),
  archiveReservation: async (db) => versionOf(db, reservations, "PM-ARCHIVE"),
  unarchiveReservation: async (db) => versionOf(db, reservations, "PM-ARCHIVED"),
  createSite: () => ({
    name: `Matrix site ${Date.now()}`,
    providerId: matrixCatalog.provider.id,
    regionCode: "eu-1",
    country: "NL",
    pue: "1.15",
  }),
  updateSite: async (db) => ({ ...(await catalogVersion(db, sites, "PM-SITE-EDIT")), changes: { pue: "1.30" } }),
  archiveSite: async (db) => catalogVersion(db, sites, "PM-SITE-ARCHIVE"),
  unarchiveSite: async (db) => catalogVersion(db, sites, "PM-SITE-ARCHIVED"),
  createPowerBudget: async (db) => ({
    siteId: (await catalogVersion(db, sites, "PM-SITE-EDIT")).id,
    effectiveFrom: "2040-01-01",
    effectiveTo: "2041-01-01",
    contractedMw: "12.5",
  }),
  updatePowerBudget: async (db) => ({ ...(await budgetVersion(db, "2050-01-01")), changes: { contractedMw: "20" } }),
  deletePowerBudget: async (db) => budgetVersion(db, "2060-01-01"),
  createProvider: () => ({ name: `Matrix provider ${Date.now()}`, kind: "colo" }),
  updateProvider: async (db) => ({ ...(await catalogVersion(db, providers, "PM-PROV-EDIT")), changes: { kind: "owned" } }),
  archiveProvider: async (db) => catalogVersion(db, providers, "PM-PROV-ARCHIVE"),
  unarchiveProvider: async (db) => catalogVersion(db, providers, "PM-PROV-ARCHIVED"),
  createAcceleratorType: () => ({
    name: `Matrix type ${Date.now()}`,
    vendor: "AMD",
    family: "MI300X",
    memoryGb: "192",
    bf16Tflops: "1300",
    systemW: 1250,
  }),
  updateAcceleratorType: async (db) => ({
    ...(await catalogVersion(db, acceleratorTypes, "PM-TYPE-EDIT")),
    changes: { h100Equivalent: "1.5" },
  }),
  archiveAcceleratorType: async (db) => catalogVersion(db, acceleratorTypes, "PM-TYPE-ARCHIVE"),
  unarchiveAcceleratorType: async (db) => catalogVersion(db, acceleratorTypes, "PM-TYPE-ARCHIVED"),
  createSkuMapping: () => ({
    providerId: matrixCatalog.provider.id,
    skuId: `matrix-sku-${Date.now()}`,
    acceleratorTypeId: matrixCatalog.type.id,
    acceleratorsPerUnit: "8",
  }),
  updateSkuMapping: async (db) => ({ ...(await skuMappingVersion(db, "PM-SKU-EDIT")), changes: { acceleratorsPerUnit: "4" } }),
  archiveSkuMapping: async (db) => skuMappingVersion(db, "PM-SKU-ARCHIVE"),
  unarchiveSkuMapping: async (db) => skuMappingVersion(db, "PM-SKU-ARCHIVED", new Date()),
  createContractMapping: async (db) => ({
    providerId: matrixCatalog.provider.id,
    skuId: `matrix-map-${Date.now()}`,
    contractId: (await versionOf(db, contracts, "PM-EDIT")).id,
  }),
  archiveContractMapping: async (db) => contractMappingVersion(db, "PM-MAP-ARCHIVE"),
  unarchiveContractMapping: async (db) => contractMappingVersion(db, "PM-MAP-ARCHIVED", new Date()),
  createScenario: () => ({
    name: `Matrix scenario ${Date.now()}`,
    overrides: { demandGrowthPct: "20", pueBySite: { [matrixCatalog.site.id]: "1.4" } },
  }),
  updateScenario: async (db) => ({ ...(await scenarioVersion(db, "PM-SCEN-EDIT")), changes: { overrides: { demandGrowthPct: "5" } } }),
  archiveScenario: async (db) => scenarioVersion(db, "PM-SCEN-ARCHIVE"),
  unarchiveScenario: async (db) => scenarioVersion(db, "PM-SCEN-ARCHIVED", new Date()),
  createDemandPlan: () => ({
    name: "Matrix plan",
    kind: "training",
    acceleratorFamily: "H100",
    accelerators: "64",
    startDate: "2027-01-01",
    endDate: "2027-04-01",
    priority: "2",
  }),
  updateDemandPlan: async (db) => ({ ...(await demandPlanVersion(db, "PM-DP-EDIT")), changes: { priority: "1" } }),
  archiveDemandPlan: async (db) => demandPlanVersion(db, "PM-DP-ARCHIVE"),
  unarchiveDemandPlan: async (db) => demandPlanVersion(db, "PM-DP-ARCHIVED", new Date()),
  createOffer: () => ({
    providerId: matrixCatalog.provider.id,
    region: "us-central1",
    acceleratorTypeId: matrixCatalog.type.id,
    pricingModel: "on_demand",
    rate: "2.5",
    currency: "USD",
    minQuantity: "8",
    step: "8",
    leadTimeDays: "0",
    validFrom: "2026-01-01",
    source: "list",
  }),
  updateOffer: async (db) => ({ ...(await offerVersion(db, "PM-OFFER-EDIT")), changes: { leadTimeDays: "30" } }),
  archiveOffer: async (db) => offerVersion(db, "PM-OFFER-ARCHIVE"),
  unarchiveOffer: async (db) => offerVersion(db, "PM-OFFER-ARCHIVED", new Date()),
  createApiKey: () => ({ name: "Matrix key", role: "viewer" }),
  revokeApiKey: async (db) => catalogVersion(db, apiKeys, "PM-KEY"),
  createReport: () => ({
    name: "Matrix report",
    note: null,
    scope: { sections: ["kpis", "costs"], filters: { range: "12m" }, scenarioId: null },
  }),
  updateReport: async (db) => ({ ...(await reportVersion(db, "PM-REPORT-EDIT")), changes: { note: "Edited" } }),
  archiveReport: async (db) => reportVersion(db, "PM-REPORT-ARCHIVE"),
  createShareLink: async (db) => ({ reportId: (await reportVersion(db, "PM-REPORT-SHARE")).id, expiresInDays: 7, allowCsv: false }),
  revokeShareLink: async (db) => ({ id: await liveShareLink(db) }),
  importContracts: () => contractsCsv(),
  previewContractsImport: () => contractsCsv(),
  importReservations: () => reservationsCsv(),
  previewReservationsImport: () => reservationsCsv(),
  importSites: () => ({
    fileName: "sites.csv",
    content: `name,provider,region_code,country,pue\nMatrix import site ${Date.now()},${matrixCatalog.provider.name},eu-2,NL,1.2\n`,
  }),
  previewSitesImport: () => ({
    fileName: "sites.csv",
    content: `name,provider,region_code,country,pue\nMatrix preview site ${Date.now()},${matrixCatalog.provider.name},eu-2,NL,1.2\n`,
  }),
  importPowerBudgets: () => ({
    fileName: "budgets.csv",
    content: "site,effective_from,effective_to,contracted_mw\nPM-SITE-EDIT,2030-01-01,2031-01-01,5\n",
  }),
  previewPowerBudgetsImport: () => ({
    fileName: "budgets.csv",
    content: "site,effective_from,effective_to,contracted_mw\nPM-SITE-EDIT,2032-01-01,2033-01-01,5\n",
  }),
  importProviders: () => ({ fileName: "providers.csv", content: `name,kind\n${uniq("Matrix provider")},neocloud\n` }),
  previewProvidersImport: () => ({ fileName: "providers.csv", content: `name,kind\n${uniq("Matrix provider")},colo\n` }),
  importAcceleratorTypes: () => acceleratorTypesCsv(),
  previewAcceleratorTypesImport: () => acceleratorTypesCsv(),
  importDemandPlans: () => demandPlansCsv(),
  previewDemandPlansImport: () => demandPlansCsv(),
  importOffers: () => offersCsv(),
  previewOffersImport: () => offersCsv(),
};

function offersCsv() {
  const header = "provider,region,accelerator_type,pricing_model,rate,currency,min_quantity,step,valid_from,source,note";
  return {
    fileName: "offers.csv",
    content: `${header}\n${matrixCatalog.provider.name},us-central1,${matrixCatalog.type.name},spot,1.2,USD,8,8,2026-01-01,list,${uniq("Matrix offer")}\n`,
  };
}

function acceleratorTypesCsv() {
  return {
    fileName: "types.csv",
    content: `name,vendor,family,memory_gb,bf16_tflops,system_w\n${uniq("Matrix type")},NVIDIA,H100,80,989.5,1400\n`,
  };
}

function demandPlansCsv() {
  return {
    fileName: "plans.csv",
    content: `name,kind,accelerator_family,accelerators,start_date,end_date\n${uniq("Matrix plan")},training,H100,64,2027-01-01,2027-07-01\n`,
  };
}

let matrixCatalog: Catalog;

function contractsCsv() {
  const row = `${matrixCatalog.provider.name},Matrix import ${Date.now()},2026-01-01,2027-01-01,1000,USD,monthly,proposed`;
  return {
    fileName: "contracts.csv",
    content: `provider,name,start_date,end_date,committed_amount,currency,payment_terms,status\n${row}\n`,
  };
}

function reservationsCsv() {
  const c = matrixCatalog;
  const row = `Matrix import block ${Date.now()},${c.provider.name},${c.site.name},${c.type.name},8,2026-03-01,2026-09-01,reserved,2.1,USD,planned`;
  return {
    fileName: "reservations.csv",
    content: `name,provider,site,accelerator_type,quantity,start_at,end_at,pricing_model,rate,currency,status\n${row}\n`,
  };
}

// Contracts are found by reference, reservations by name.
async function versionOf(db: Db, table: typeof contracts | typeof reservations, key: string) {
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
async function reportVersion(db: Db, name: string) {
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

async function liveShareLink(db: Db) {
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
async function catalogVersion(db: Db, table: typeof sites | typeof providers | typeof acceleratorTypes | typeof apiKeys, name: string) {
  const [row] = await db
    .select({ id: table.id, version: table.version })
    .from(table)
    .where(sql`${table.name} = ${name}`);
  return { id: row!.id, version: row!.version };
}

// SKU mappings are found by SKU id, created on first use.
async function skuMappingVersion(db: Db, skuId: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: skuMappings.id, version: skuMappings.version })
    .from(skuMappings)
    .where(sql`${skuMappings.skuId} = ${skuId}`);
  if (found) return found;
  const [row] = await db
    .insert(skuMappings)
    .values({ providerId: matrixCatalog.provider.id, skuId, acceleratorTypeId: matrixCatalog.type.id, archivedAt })
    .returning({ id: skuMappings.id, version: skuMappings.version });
  return row!;
}

// Contract mappings are found by their SKU id, created on first use (tied to the contract PM-EDIT).
async function contractMappingVersion(db: Db, skuId: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: contractMappings.id, version: contractMappings.version })
    .from(contractMappings)
    .where(sql`${contractMappings.skuId} = ${skuId}`);
  if (found) return found;
  const { id: contractId } = await versionOf(db, contracts, "PM-EDIT");
  const [row] = await db
    .insert(contractMappings)
    .values({ providerId: matrixCatalog.provider.id, skuId, contractId, archivedAt })
    .returning({ id: contractMappings.id, version: contractMappings.version });
  return row!;
}

// Scenarios are found by name, created on first use.
async function scenarioVersion(db: Db, name: string, archivedAt: Date | null = null) {
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
async function demandPlanVersion(db: Db, name: string, archivedAt: Date | null = null) {
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
async function offerVersion(db: Db, note: string, archivedAt: Date | null = null) {
  const [found] = await db
    .select({ id: offers.id, version: offers.version })
    .from(offers)
    .where(sql`${offers.note} = ${note}`);
  if (found) return found;
  const [row] = await db
    .insert(offers)
    .values({
      providerId: matrixCatalog.provider.id,
      region: "us-central1",
      acceleratorTypeId: matrixCatalog.type.id,
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

async function budgetVersion(db: Db, effectiveFrom: string) {
  const [row] = await db
    .select({ id: powerBudgets.id, version: powerBudgets.version })
    .from(powerBudgets)
    .where(sql`${powerBudgets.effectiveFrom} = ${effectiveFrom}::date`);
  return { id: row!.id, version: row!.version };
}

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

async function fingerprint(db: Db): Promise<string> {
  const rows = await queryRows<{ t: string }>(
    db,
    sql`select (select count(*) from users)::text || '/' || (select coalesce(sum(version), 0) from users)::text || '/' || (select count(*) from audit_log)::text || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from contracts) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from reservations) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from sites) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(contracted_mw), 0) from power_budgets) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from providers) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) from accelerator_types) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(revoked_at) from api_keys) || '/' || (select (coalesce(sum(version), 0) - count(*)) || ':' || count(archived_at) from reports) || '/' || (select count(revoked_at) from shared_reports) || '/' || (select count(*) || ':' || coalesce(sum(version), 0) || ':' || count(archived_at) from offers) as t`,
  );
  return rows[0]!.t;
}

describeOnEachEngine("permission matrix", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await handle.db.insert(users).values([
      { email: "target@example.com", name: "Target", role: "viewer" },
      { email: "admin@example.com", name: "Admin", role: "admin" },
    ]);
    matrixCatalog = await insertCatalog(handle.db);
    for (const reference of ["PM-EDIT", "PM-ARCHIVE", "PM-ARCHIVED"]) {
      await insertContractRow(handle.db, matrixCatalog, { reference, archivedAt: reference === "PM-ARCHIVED" ? new Date() : null });
    }
    for (const name of ["PM-EDIT", "PM-ARCHIVE", "PM-ARCHIVED"]) {
      await insertReservationRow(handle.db, matrixCatalog, { name, archivedAt: name === "PM-ARCHIVED" ? new Date() : null });
    }
    await seedCatalogRegisters(handle.db);
    for (const note of ["PM-OFFER-EDIT", "PM-OFFER-ARCHIVE"]) await offerVersion(handle.db, note);
    await offerVersion(handle.db, "PM-OFFER-ARCHIVED", new Date());
  });
  afterAll(() => handle.close());

  it("has a sample input for every write verb", () => {
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual(Object.keys(WRITE_VERBS).sort());
  });

  for (const [name, verb] of Object.entries(WRITE_VERBS) as [WriteVerbName, (typeof WRITE_VERBS)[WriteVerbName]][]) {
    for (const role of ROLES.filter((r) => !can(r, verb.permission))) {
      it(`refuses ${name} for ${role} and changes nothing`, async () => {
        const ctx: Ctx = { db: handle.db, actor: { id: null, email: `${role}@example.com`, role, kind: "user" } };
        const before = await fingerprint(handle.db);
        const input = await SAMPLE_INPUTS[name](handle.db);
        await expect(verb.run({ ctx, input })).rejects.toBeInstanceOf(ForbiddenError);
        expect(await fingerprint(handle.db)).toBe(before);
      });
    }
    const allowed = ROLES.filter((r) => can(r, verb.permission));
    it(`allows ${name} for ${allowed.join(", ")}`, async () => {
      expect(allowed.length).toBeGreaterThan(0);
      const ctx: Ctx = { db: handle.db, actor: { id: null, email: "admin@example.com", role: allowed[0]!, kind: "user" } };
      await expect(verb.run({ ctx, input: await SAMPLE_INPUTS[name](handle.db) })).resolves.toBeDefined();
    });
  }
});
