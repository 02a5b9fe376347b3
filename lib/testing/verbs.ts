import type { Permission } from "@/lib/auth/permissions";
import { archiveChannel } from "@/lib/services/channels/archive";
import { createChannel } from "@/lib/services/channels/create";
import { updateChannel } from "@/lib/services/channels/update";
import { createReportSchedule } from "@/lib/services/report-schedules/create";
import { deleteReportSchedule } from "@/lib/services/report-schedules/delete";
import { setReportScheduleEnabled } from "@/lib/services/report-schedules/set-enabled";
import { updateReportSchedule } from "@/lib/services/report-schedules/update";
import { commitRegisterImport, previewRegisterImport } from "@/lib/services/imports/registers/import";
import type { RegisterKind } from "@/lib/services/imports/registers/kinds";
import type { Ctx } from "@/lib/auth/context";
import { archiveContract, unarchiveContract } from "@/lib/services/contracts/archive";
import { createContract } from "@/lib/services/contracts/create";
import { updateContract } from "@/lib/services/contracts/update";
import { archiveReservation, unarchiveReservation } from "@/lib/services/reservations/archive";
import { createReservation } from "@/lib/services/reservations/create";
import { updateReservation } from "@/lib/services/reservations/update";
import { archiveAcceleratorType, unarchiveAcceleratorType } from "@/lib/services/accelerator-types/archive";
import { createAcceleratorType } from "@/lib/services/accelerator-types/create";
import { updateAcceleratorType } from "@/lib/services/accelerator-types/update";
import { createApiKey } from "@/lib/services/api-keys/create";
import { revokeApiKey } from "@/lib/services/api-keys/revoke";
import { runJobNow } from "@/lib/services/jobs/run-now";
import { createPowerBudget } from "@/lib/services/power-budgets/create";
import { deletePowerBudget } from "@/lib/services/power-budgets/delete";
import { updatePowerBudget } from "@/lib/services/power-budgets/update";
import { archiveProvider, unarchiveProvider } from "@/lib/services/providers/archive";
import { createProvider } from "@/lib/services/providers/create";
import { updateProvider } from "@/lib/services/providers/update";
import { archiveDemandPlan, unarchiveDemandPlan } from "@/lib/services/demand-plans/archive";
import { createDemandPlan } from "@/lib/services/demand-plans/create";
import { updateDemandPlan } from "@/lib/services/demand-plans/update";
import { archiveScenario, unarchiveScenario } from "@/lib/services/scenarios/archive";
import { createScenario } from "@/lib/services/scenarios/create";
import { updateScenario } from "@/lib/services/scenarios/update";
import { archiveSite, unarchiveSite } from "@/lib/services/sites/archive";
import { createSite } from "@/lib/services/sites/create";
import { updateSite } from "@/lib/services/sites/update";
import { archiveContractMapping, unarchiveContractMapping } from "@/lib/services/contract-mappings/archive";
import { createContractMapping } from "@/lib/services/contract-mappings/create";
import { archiveSkuMapping, unarchiveSkuMapping } from "@/lib/services/sku-mappings/archive";
import { createSkuMapping } from "@/lib/services/sku-mappings/create";
import { updateSkuMapping } from "@/lib/services/sku-mappings/update";
import { archiveOffer, unarchiveOffer } from "@/lib/services/offers/archive";
import { createOffer } from "@/lib/services/offers/create";
import { updateOffer } from "@/lib/services/offers/update";
import { archiveBudget, unarchiveBudget } from "@/lib/services/budgets/archive";
import { createBudget } from "@/lib/services/budgets/create";
import { updateBudget } from "@/lib/services/budgets/update";
import { archiveTeam, unarchiveTeam } from "@/lib/services/teams/archive";
import { createTeam } from "@/lib/services/teams/create";
import { updateTeam } from "@/lib/services/teams/update";
import { archiveWorkload, unarchiveWorkload } from "@/lib/services/workloads/archive";
import { createWorkload } from "@/lib/services/workloads/create";
import { archiveAllocation } from "@/lib/services/allocations/archive";
import { archiveAllocationRule, unarchiveAllocationRule } from "@/lib/services/allocation-rules/archive";
import { createAllocationRule } from "@/lib/services/allocation-rules/create";
import { reorderAllocationRule } from "@/lib/services/allocation-rules/reorder";
import { updateAllocationRule } from "@/lib/services/allocation-rules/update";
import { createAllocation } from "@/lib/services/allocations/create";
import { updateAllocation } from "@/lib/services/allocations/update";
import { updateWorkload } from "@/lib/services/workloads/update";
import { setPoolRule } from "@/lib/services/pool-rules/set";
import { importBusinessMetricsCsv } from "@/lib/services/imports/business-metrics/import";
import { ingestBusinessMetrics } from "@/lib/services/imports/business-metrics/ingest";
import { createUser } from "@/lib/services/users/create";
import { archiveReport } from "@/lib/services/reports/archive";
import { createReport } from "@/lib/services/reports/create";
import { updateReport } from "@/lib/services/reports/update";
import { createShareLink } from "@/lib/services/shares/create";
import { revokeShareLink } from "@/lib/services/shares/revoke";
import { updateUser } from "@/lib/services/users/update";
import { archiveAlertRule, unarchiveAlertRule } from "@/lib/services/alert-rules/archive";
import { createAlertRule } from "@/lib/services/alert-rules/create";
import { updateAlertRule } from "@/lib/services/alert-rules/update";
import { acknowledgeAlert } from "@/lib/services/alerts/acknowledge";
import { evaluateAlertsNow } from "@/lib/services/alerts/evaluate-now";
import { resolveAlert } from "@/lib/services/alerts/resolve";
import { setEvaluationInterval } from "@/lib/services/alerts/settings";

export type WriteVerb = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

/** The register import of one kind as a write verb: the kind set in its input, as the upload route sets it. */
function registerImportVerb(kind: RegisterKind, mode: "preview" | "commit"): WriteVerb {
  return ({ ctx, input }) => {
    const withKind = typeof input === "object" && input !== null ? { ...input, kind } : { kind };
    return mode === "preview" ? previewRegisterImport({ ctx, input: withKind }) : commitRegisterImport({ ctx, input: withKind });
  };
}

/** The business-metrics CSV import as a write verb: `{ fileName, content }`, streamed as the upload route streams it. */
const importBusinessMetrics: WriteVerb = ({ ctx, input }) => {
  const { fileName = "metrics.csv", content = "" } = (input ?? {}) as { fileName?: string; content?: string };
  async function* source() {
    yield Buffer.from(content);
  }
  return importBusinessMetricsCsv({ ctx, source: source(), fileName });
};

/** The JSON push of /api/v1/metrics/business as a write verb: `{ rows }`. */
const pushBusinessMetrics: WriteVerb = ({ ctx, input }) => ingestBusinessMetrics({ ctx, rows: input });

// Every write verb and the permission it demands; the permission matrix test is generated from this list.
export const WRITE_VERBS = {
  createUser: { permission: "users.manage", run: createUser },
  updateUser: { permission: "users.manage", run: updateUser },
  createContract: { permission: "contracts.write", run: createContract },
  updateContract: { permission: "contracts.write", run: updateContract },
  archiveContract: { permission: "contracts.write", run: archiveContract },
  unarchiveContract: { permission: "contracts.write", run: unarchiveContract },
  createReservation: { permission: "reservations.write", run: createReservation },
  updateReservation: { permission: "reservations.write", run: updateReservation },
  archiveReservation: { permission: "reservations.write", run: archiveReservation },
  unarchiveReservation: { permission: "reservations.write", run: unarchiveReservation },
  createSite: { permission: "sites.write", run: createSite },
  updateSite: { permission: "sites.write", run: updateSite },
  archiveSite: { permission: "sites.write", run: archiveSite },
  unarchiveSite: { permission: "sites.write", run: unarchiveSite },
  createPowerBudget: { permission: "power_budgets.write", run: createPowerBudget },
  updatePowerBudget: { permission: "power_budgets.write", run: updatePowerBudget },
  deletePowerBudget: { permission: "power_budgets.write", run: deletePowerBudget },
  createProvider: { permission: "catalog.write", run: createProvider },
  updateProvider: { permission: "catalog.write", run: updateProvider },
  archiveProvider: { permission: "catalog.write", run: archiveProvider },
  unarchiveProvider: { permission: "catalog.write", run: unarchiveProvider },
  createAcceleratorType: { permission: "catalog.write", run: createAcceleratorType },
  updateAcceleratorType: { permission: "catalog.write", run: updateAcceleratorType },
  archiveAcceleratorType: { permission: "catalog.write", run: archiveAcceleratorType },
  unarchiveAcceleratorType: { permission: "catalog.write", run: unarchiveAcceleratorType },
  createSkuMapping: { permission: "billing.map", run: createSkuMapping },
  updateSkuMapping: { permission: "billing.map", run: updateSkuMapping },
  archiveSkuMapping: { permission: "billing.map", run: archiveSkuMapping },
  unarchiveSkuMapping: { permission: "billing.map", run: unarchiveSkuMapping },
  createContractMapping: { permission: "billing.map", run: createContractMapping },
  archiveContractMapping: { permission: "billing.map", run: archiveContractMapping },
  unarchiveContractMapping: { permission: "billing.map", run: unarchiveContractMapping },
  createScenario: { permission: "scenarios.write", run: createScenario },
  updateScenario: { permission: "scenarios.write", run: updateScenario },
  archiveScenario: { permission: "scenarios.write", run: archiveScenario },
  unarchiveScenario: { permission: "scenarios.write", run: unarchiveScenario },
  createDemandPlan: { permission: "demand_plans.write", run: createDemandPlan },
  updateDemandPlan: { permission: "demand_plans.write", run: updateDemandPlan },
  archiveDemandPlan: { permission: "demand_plans.write", run: archiveDemandPlan },
  unarchiveDemandPlan: { permission: "demand_plans.write", run: unarchiveDemandPlan },
  createOffer: { permission: "offers.write", run: createOffer },
  updateOffer: { permission: "offers.write", run: updateOffer },
  archiveOffer: { permission: "offers.write", run: archiveOffer },
  unarchiveOffer: { permission: "offers.write", run: unarchiveOffer },
  createBudget: { permission: "budgets.write", run: createBudget },
  updateBudget: { permission: "budgets.write", run: updateBudget },
  archiveBudget: { permission: "budgets.write", run: archiveBudget },
  unarchiveBudget: { permission: "budgets.write", run: unarchiveBudget },
  createAlertRule: { permission: "alerts.write", run: createAlertRule },
  updateAlertRule: { permission: "alerts.write", run: updateAlertRule },
  archiveAlertRule: { permission: "alerts.write", run: archiveAlertRule },
  unarchiveAlertRule: { permission: "alerts.write", run: unarchiveAlertRule },
  acknowledgeAlert: { permission: "alerts.ack", run: acknowledgeAlert },
  resolveAlert: { permission: "alerts.write", run: resolveAlert },
  setEvaluationInterval: { permission: "alerts.write", run: setEvaluationInterval },
  evaluateAlertsNow: { permission: "alerts.write", run: evaluateAlertsNow },
  createTeam: { permission: "allocation.write", run: createTeam },
  updateTeam: { permission: "allocation.write", run: updateTeam },
  archiveTeam: { permission: "allocation.write", run: archiveTeam },
  unarchiveTeam: { permission: "allocation.write", run: unarchiveTeam },
  createWorkload: { permission: "allocation.write", run: createWorkload },
  updateWorkload: { permission: "allocation.write", run: updateWorkload },
  archiveWorkload: { permission: "allocation.write", run: archiveWorkload },
  unarchiveWorkload: { permission: "allocation.write", run: unarchiveWorkload },
  createAllocation: { permission: "allocation.write", run: createAllocation },
  updateAllocation: { permission: "allocation.write", run: updateAllocation },
  archiveAllocation: { permission: "allocation.write", run: archiveAllocation },
  createAllocationRule: { permission: "allocation.write", run: createAllocationRule },
  updateAllocationRule: { permission: "allocation.write", run: updateAllocationRule },
  archiveAllocationRule: { permission: "allocation.write", run: archiveAllocationRule },
  unarchiveAllocationRule: { permission: "allocation.write", run: unarchiveAllocationRule },
  reorderAllocationRule: { permission: "allocation.write", run: reorderAllocationRule },
  importBusinessMetrics: { permission: "allocation.write", run: importBusinessMetrics },
  pushBusinessMetrics: { permission: "allocation.write", run: pushBusinessMetrics },
  createApiKey: { permission: "api_keys.manage", run: createApiKey },
  revokeApiKey: { permission: "api_keys.manage", run: revokeApiKey },
  runJobNow: { permission: "jobs.manage", run: runJobNow },
  createReport: { permission: "shares.manage", run: createReport },
  updateReport: { permission: "shares.manage", run: updateReport },
  archiveReport: { permission: "shares.manage", run: archiveReport },
  createShareLink: { permission: "shares.manage", run: createShareLink },
  revokeShareLink: { permission: "shares.manage", run: revokeShareLink },
  importContracts: { permission: "contracts.write", run: registerImportVerb("contracts", "commit") },
  previewContractsImport: { permission: "contracts.write", run: registerImportVerb("contracts", "preview") },
  importReservations: { permission: "reservations.write", run: registerImportVerb("reservations", "commit") },
  previewReservationsImport: { permission: "reservations.write", run: registerImportVerb("reservations", "preview") },
  importSites: { permission: "sites.write", run: registerImportVerb("sites", "commit") },
  previewSitesImport: { permission: "sites.write", run: registerImportVerb("sites", "preview") },
  importPowerBudgets: { permission: "power_budgets.write", run: registerImportVerb("power_budgets", "commit") },
  previewPowerBudgetsImport: { permission: "power_budgets.write", run: registerImportVerb("power_budgets", "preview") },
  importProviders: { permission: "catalog.write", run: registerImportVerb("providers", "commit") },
  previewProvidersImport: { permission: "catalog.write", run: registerImportVerb("providers", "preview") },
  importAcceleratorTypes: { permission: "catalog.write", run: registerImportVerb("accelerator_types", "commit") },
  previewAcceleratorTypesImport: { permission: "catalog.write", run: registerImportVerb("accelerator_types", "preview") },
  importDemandPlans: { permission: "demand_plans.write", run: registerImportVerb("demand_plans", "commit") },
  previewDemandPlansImport: { permission: "demand_plans.write", run: registerImportVerb("demand_plans", "preview") },
  importOffers: { permission: "offers.write", run: registerImportVerb("offers", "commit") },
  previewOffersImport: { permission: "offers.write", run: registerImportVerb("offers", "preview") },
  importTeams: { permission: "allocation.write", run: registerImportVerb("teams", "commit") },
  previewTeamsImport: { permission: "allocation.write", run: registerImportVerb("teams", "preview") },
  importWorkloads: { permission: "allocation.write", run: registerImportVerb("workloads", "commit") },
  previewWorkloadsImport: { permission: "allocation.write", run: registerImportVerb("workloads", "preview") },
  importAllocations: { permission: "allocation.write", run: registerImportVerb("allocations", "commit") },
  previewAllocationsImport: { permission: "allocation.write", run: registerImportVerb("allocations", "preview") },
  setPoolRule: { permission: "pool_rules.write", run: setPoolRule },
  createChannel: { permission: "channels.manage", run: createChannel },
  updateChannel: { permission: "channels.manage", run: updateChannel },
  archiveChannel: { permission: "channels.manage", run: archiveChannel },
  createReportSchedule: { permission: "reports.schedule", run: createReportSchedule },
  updateReportSchedule: { permission: "reports.schedule", run: updateReportSchedule },
  setReportScheduleEnabled: { permission: "reports.schedule", run: setReportScheduleEnabled },
  deleteReportSchedule: { permission: "reports.schedule", run: deleteReportSchedule },
} satisfies Record<string, { permission: Permission; run: WriteVerb }>;

export type WriteVerbName = keyof typeof WRITE_VERBS;
