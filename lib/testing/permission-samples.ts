import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { acceleratorTypes, apiKeys, contracts, providers, reservations, sites, users } from "@/lib/db/schema";
import { uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import {
  allocationBlock,
  allocationRuleVersion,
  allocationVersion,
  alertRuleVersion,
  budgetVersion,
  firingAlert,
  catalogVersion,
  contractMappingVersion,
  demandPlanVersion,
  channelVersion,
  liveShareLink,
  scheduleVersion,
  moneyBudgetVersion,
  offerVersion,
  reportVersion,
  scenarioVersion,
  skuMappingVersion,
  teamVersion,
  versionOf,
  workloadVersion,
} from "@/lib/testing/permission-lookups";
import type { WriteVerbName } from "@/lib/testing/verbs";

// A valid input per verb, so that a refusal can only come from the permission check; grouped by area, one matrix file each.
export type SampleInput = (db: Db, catalog: Catalog) => object | Promise<object>;
export type SampleInputs = Partial<Record<WriteVerbName, SampleInput>>;

export const REGISTER_SAMPLES = {
  createContract: (_db, c) => ({
    providerId: c.provider.id,
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
  createReservation: (_db, c) => ({
    name: `Matrix new block ${Date.now()}`,
    providerId: c.provider.id,
    siteId: c.site.id,
    acceleratorTypeId: c.type.id,
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
  createSite: (_db, c) => ({
    name: `Matrix site ${Date.now()}`,
    providerId: c.provider.id,
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
  createSkuMapping: (_db, c) => ({
    providerId: c.provider.id,
    skuId: `matrix-sku-${Date.now()}`,
    acceleratorTypeId: c.type.id,
    acceleratorsPerUnit: "8",
  }),
  updateSkuMapping: async (db, c) => ({ ...(await skuMappingVersion(db, c, "PM-SKU-EDIT")), changes: { acceleratorsPerUnit: "4" } }),
  archiveSkuMapping: async (db, c) => skuMappingVersion(db, c, "PM-SKU-ARCHIVE"),
  unarchiveSkuMapping: async (db, c) => skuMappingVersion(db, c, "PM-SKU-ARCHIVED", new Date()),
  createContractMapping: async (db, c) => ({
    providerId: c.provider.id,
    skuId: `matrix-map-${Date.now()}`,
    contractId: (await versionOf(db, contracts, "PM-EDIT")).id,
  }),
  archiveContractMapping: async (db, c) => contractMappingVersion(db, c, "PM-MAP-ARCHIVE"),
  unarchiveContractMapping: async (db, c) => contractMappingVersion(db, c, "PM-MAP-ARCHIVED", new Date()),
} satisfies SampleInputs;

export const PLANNING_SAMPLES = {
  createScenario: (_db, c) => ({
    name: `Matrix scenario ${Date.now()}`,
    overrides: { demandGrowthPct: "20", pueBySite: { [c.site.id]: "1.4" } },
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
  createOffer: (_db, c) => ({
    providerId: c.provider.id,
    region: "us-central1",
    acceleratorTypeId: c.type.id,
    pricingModel: "on_demand",
    rate: "2.5",
    currency: "USD",
    minQuantity: "8",
    step: "8",
    leadTimeDays: "0",
    validFrom: "2026-01-01",
    source: "list",
  }),
  updateOffer: async (db, c) => ({ ...(await offerVersion(db, c, "PM-OFFER-EDIT")), changes: { leadTimeDays: "30" } }),
  archiveOffer: async (db, c) => offerVersion(db, c, "PM-OFFER-ARCHIVE"),
  unarchiveOffer: async (db, c) => offerVersion(db, c, "PM-OFFER-ARCHIVED", new Date()),
} satisfies SampleInputs;

export const ALLOCATION_SAMPLES = {
  createTeam: () => ({ name: uniq("Matrix team"), costCentre: "CC-1", parentId: "" }),
  updateTeam: async (db) => ({ ...(await teamVersion(db, "PM-TEAM-EDIT")), changes: { costCentre: "CC-9" } }),
  archiveTeam: async (db) => teamVersion(db, "PM-TEAM-ARCHIVE"),
  unarchiveTeam: async (db) => teamVersion(db, "PM-TEAM-ARCHIVED", new Date()),
  createWorkload: async (db) => ({
    name: uniq("Matrix workload"),
    kind: "external",
    teamId: (await teamVersion(db, "PM-TEAM-OWNER")).id,
    activeFrom: "2026-01-01",
    salePrice: "3.5",
    currency: "USD",
  }),
  updateWorkload: async (db) => ({ ...(await workloadVersion(db, "PM-WL-EDIT")), changes: { activeTo: "2027-01-01" } }),
  archiveWorkload: async (db) => workloadVersion(db, "PM-WL-ARCHIVE"),
  unarchiveWorkload: async (db) => workloadVersion(db, "PM-WL-ARCHIVED", new Date()),
  importTeams: async (db) => teamsCsv(db),
  previewTeamsImport: async (db) => teamsCsv(db),
  importWorkloads: async (db) => workloadsCsv(db),
  previewWorkloadsImport: async (db) => workloadsCsv(db),
  createAllocation: async (db, c) => ({
    reservationId: (await allocationBlock(db, c)).id,
    workloadId: (await workloadVersion(db, "PM-WL-ALLOC")).id,
    quantity: "1",
    startAt: "2026-03-01",
  }),
  updateAllocation: async (db, c) => ({ ...(await allocationVersion(db, c, "PM-ALLOC-EDIT")), changes: { quantity: "2" } }),
  archiveAllocation: async (db, c) => allocationVersion(db, c, "PM-ALLOC-ARCHIVE"),
  importAllocations: async (db, c) => allocationsCsv(db, c),
  previewAllocationsImport: async (db, c) => allocationsCsv(db, c),
  createAllocationRule: async (db) => ({ serviceName: uniq("Matrix service"), workloadId: (await workloadVersion(db, "PM-WL-RULE")).id }),
  updateAllocationRule: async (db) => ({ ...(await allocationRuleVersion(db, "PM-RULE-EDIT")), changes: { regionId: "us-east-1" } }),
  archiveAllocationRule: async (db) => allocationRuleVersion(db, "PM-RULE-ARCHIVE"),
  unarchiveAllocationRule: async (db) => allocationRuleVersion(db, "PM-RULE-ARCHIVED", new Date()),
  reorderAllocationRule: async (db) => ({ ...(await allocationRuleVersion(db, "PM-RULE-MOVE")), direction: "up" }),
  importBusinessMetrics: async (db) => {
    await workloadVersion(db, "PM-WL-METRICS");
    return { fileName: "metrics.csv", content: "workload,metric,day,value\nPM-WL-METRICS,tokens_served,2026-03-01,250000000000\n" };
  },
  pushBusinessMetrics: async (db) => {
    await workloadVersion(db, "PM-WL-METRICS");
    return { rows: [{ workload: "PM-WL-METRICS", metric: "requests", day: "2026-03-01", value: 1200 }] };
  },
  setPoolRule: (_db, c) => ({ family: c.type.family, kind: "even" }),
  createBudget: (_db, c) => ({
    name: uniq("Matrix budget"),
    scopeKind: "provider",
    providerId: c.provider.id,
    periodKind: "quarter",
    amount: "250000",
    actualThresholdPct: "80",
    forecastThresholdPct: "100",
    activeFrom: "2026-01-01",
  }),
  updateBudget: async (db) => ({ ...(await moneyBudgetVersion(db, "PM-BUDGET-EDIT")), changes: { amount: "12000" } }),
  archiveBudget: async (db) => moneyBudgetVersion(db, "PM-BUDGET-ARCHIVE"),
  unarchiveBudget: async (db) => moneyBudgetVersion(db, "PM-BUDGET-ARCHIVED", new Date()),
} satisfies SampleInputs;

export const ACCESS_SAMPLES = {
  createUser: () => ({ email: "new@example.com", name: "New", role: "viewer" }),
  updateUser: async (db) => {
    const [u] = await db
      .select()
      .from(users)
      .where(sql`${users.email} = 'target@example.com'`);
    return { id: u!.id, version: u!.version, changes: { role: "finance" } };
  },
  createApiKey: () => ({ name: "Matrix key", role: "viewer" }),
  revokeApiKey: async (db) => catalogVersion(db, apiKeys, "PM-KEY"),
  runJobNow: () => ({ name: "imports.recover" }),
  createReport: () => ({
    name: "Matrix report",
    note: null,
    scope: { sections: ["kpis", "costs"], filters: { range: "12m" }, scenarioId: null },
  }),
  updateReport: async (db) => ({ ...(await reportVersion(db, "PM-REPORT-EDIT")), changes: { note: "Edited" } }),
  archiveReport: async (db) => reportVersion(db, "PM-REPORT-ARCHIVE"),
  createShareLink: async (db) => ({ reportId: (await reportVersion(db, "PM-REPORT-SHARE")).id, expiresInDays: 7, allowCsv: false }),
  revokeShareLink: async (db) => ({ id: await liveShareLink(db) }),
  createChannel: () => ({ name: uniq("Matrix channel"), kind: "email", recipients: "ops@example.com", minSeverity: "warning" }),
  updateChannel: async (db) => ({
    ...(await channelVersion(db, "PM-CHANNEL-EDIT")),
    name: "PM-CHANNEL-EDIT",
    kind: "email",
    recipients: "cfo@example.com",
  }),
  archiveChannel: async (db) => channelVersion(db, "PM-CHANNEL-ARCHIVE"),
  createReportSchedule: async (db) => ({
    reportId: (await reportVersion(db, "PM-REPORT-SCHEDULE")).id,
    cadence: "monthly",
    dayOfMonth: 1,
    hour: 6,
    timeZone: "Europe/Berlin",
    recipients: "board@example.com",
    csvSections: ["kpis"],
  }),
  updateReportSchedule: async (db) => {
    const s = await scheduleVersion(db, "pm-schedule-edit@example.com");
    return { ...s, cadence: "weekly", weekday: 2, hour: 9, timeZone: "UTC", recipients: "pm-schedule-edit@example.com", csvSections: [] };
  },
  setReportScheduleEnabled: async (db) => ({ ...(await scheduleVersion(db, "pm-schedule-pause@example.com")), enabled: false }),
  deleteReportSchedule: async (db) => scheduleVersion(db, "pm-schedule-delete@example.com"),
} satisfies SampleInputs;

export const IMPORT_SAMPLES = {
  importContracts: (_db, c) => contractsCsv(c),
  previewContractsImport: (_db, c) => contractsCsv(c),
  importReservations: (_db, c) => reservationsCsv(c),
  previewReservationsImport: (_db, c) => reservationsCsv(c),
  importSites: (_db, c) => ({
    fileName: "sites.csv",
    content: `name,provider,region_code,country,pue\nMatrix import site ${Date.now()},${c.provider.name},eu-2,NL,1.2\n`,
  }),
  previewSitesImport: (_db, c) => ({
    fileName: "sites.csv",
    content: `name,provider,region_code,country,pue\nMatrix preview site ${Date.now()},${c.provider.name},eu-2,NL,1.2\n`,
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
  importOffers: (_db, c) => offersCsv(c),
  previewOffersImport: (_db, c) => offersCsv(c),
} satisfies SampleInputs;

export const ALERTS_SAMPLES = {
  createAlertRule: () => ({ name: uniq("Matrix rule"), kind: "runway", params: { months: 6 }, severity: "warning", channelIds: [] }),
  updateAlertRule: async (db) => ({ ...(await alertRuleVersion(db, "PM-ALERT-EDIT")), changes: { severity: "critical" } }),
  archiveAlertRule: async (db) => alertRuleVersion(db, "PM-ALERT-ARCHIVE"),
  unarchiveAlertRule: async (db) => alertRuleVersion(db, "PM-ALERT-ARCHIVED", new Date()),
  acknowledgeAlert: async (db) => firingAlert(db),
  resolveAlert: async (db) => firingAlert(db),
  setEvaluationInterval: () => ({ minutes: 20 }),
  evaluateAlertsNow: () => ({}),
} satisfies SampleInputs;

export const SAMPLE_INPUTS: Record<WriteVerbName, SampleInput> = {
  ...ALERTS_SAMPLES,
  ...REGISTER_SAMPLES,
  ...IMPORT_SAMPLES,
  ...PLANNING_SAMPLES,
  ...ALLOCATION_SAMPLES,
  ...ACCESS_SAMPLES,
};

async function teamsCsv(db: Db) {
  await teamVersion(db, "PM-TEAM-OWNER");
  const parent = uniq("Matrix org");
  return {
    fileName: "teams.csv",
    content: `name,cost_centre,parent_team\n${parent},CC-1,PM-TEAM-OWNER\n${uniq("Matrix squad")},,${parent}\n`,
  };
}

async function workloadsCsv(db: Db) {
  await teamVersion(db, "PM-TEAM-OWNER");
  return {
    fileName: "workloads.csv",
    content: `name,kind,team,active_from,sale_price,currency\n${uniq("Matrix workload")},External,PM-TEAM-OWNER,2026-01-01,2.75,USD\n`,
  };
}

async function allocationsCsv(db: Db, c: Catalog) {
  await allocationBlock(db, c);
  await workloadVersion(db, "PM-WL-ALLOC");
  return { fileName: "allocations.csv", content: "reservation,workload,quantity,start_at\nPM-ALLOC-BLOCK,PM-WL-ALLOC,1,2026-04-01\n" };
}

function offersCsv(c: Catalog) {
  const header = "provider,region,accelerator_type,pricing_model,rate,currency,min_quantity,step,valid_from,source,note";
  return {
    fileName: "offers.csv",
    content: `${header}\n${c.provider.name},us-central1,${c.type.name},spot,1.2,USD,8,8,2026-01-01,list,${uniq("Matrix offer")}\n`,
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

function contractsCsv(c: Catalog) {
  const row = `${c.provider.name},Matrix import ${Date.now()},2026-01-01,2027-01-01,1000,USD,monthly,proposed`;
  return {
    fileName: "contracts.csv",
    content: `provider,name,start_date,end_date,committed_amount,currency,payment_terms,status\n${row}\n`,
  };
}

function reservationsCsv(c: Catalog) {
  const row = `Matrix import block ${Date.now()},${c.provider.name},${c.site.name},${c.type.name},8,2026-03-01,2026-09-01,reserved,2.1,USD,planned`;
  return {
    fileName: "reservations.csv",
    content: `name,provider,site,accelerator_type,quantity,start_at,end_at,pricing_model,rate,currency,status\n${row}\n`,
  };
}
