import type { Permission } from "@/lib/auth/permissions";
import { registerImportVerb } from "./imports/registers/import";
import type { Ctx } from "@/lib/auth/context";
import { archiveContract, unarchiveContract } from "./contracts/archive";
import { createContract } from "./contracts/create";
import { updateContract } from "./contracts/update";
import { archiveReservation, unarchiveReservation } from "./reservations/archive";
import { createReservation } from "./reservations/create";
import { updateReservation } from "./reservations/update";
import { archiveAcceleratorType, unarchiveAcceleratorType } from "./accelerator-types/archive";
import { createAcceleratorType } from "./accelerator-types/create";
import { updateAcceleratorType } from "./accelerator-types/update";
import { createApiKey } from "./api-keys/create";
import { revokeApiKey } from "./api-keys/revoke";
import { createPowerBudget } from "./power-budgets/create";
import { deletePowerBudget } from "./power-budgets/delete";
import { updatePowerBudget } from "./power-budgets/update";
import { archiveProvider, unarchiveProvider } from "./providers/archive";
import { createProvider } from "./providers/create";
import { updateProvider } from "./providers/update";
import { archiveDemandPlan, unarchiveDemandPlan } from "./demand-plans/archive";
import { createDemandPlan } from "./demand-plans/create";
import { updateDemandPlan } from "./demand-plans/update";
import { archiveScenario, unarchiveScenario } from "./scenarios/archive";
import { createScenario } from "./scenarios/create";
import { updateScenario } from "./scenarios/update";
import { archiveSite, unarchiveSite } from "./sites/archive";
import { createSite } from "./sites/create";
import { updateSite } from "./sites/update";
import { archiveSkuMapping, unarchiveSkuMapping } from "./sku-mappings/archive";
import { createSkuMapping } from "./sku-mappings/create";
import { updateSkuMapping } from "./sku-mappings/update";
import { createUser } from "./users/create";
import { archiveReport } from "./reports/archive";
import { createReport } from "./reports/create";
import { updateReport } from "./reports/update";
import { createShareLink } from "./shares/create";
import { revokeShareLink } from "./shares/revoke";
import { updateUser } from "./users/update";

export type WriteVerb = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

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
  createSkuMapping: { permission: "catalog.write", run: createSkuMapping },
  updateSkuMapping: { permission: "catalog.write", run: updateSkuMapping },
  archiveSkuMapping: { permission: "catalog.write", run: archiveSkuMapping },
  unarchiveSkuMapping: { permission: "catalog.write", run: unarchiveSkuMapping },
  createScenario: { permission: "scenarios.write", run: createScenario },
  updateScenario: { permission: "scenarios.write", run: updateScenario },
  archiveScenario: { permission: "scenarios.write", run: archiveScenario },
  unarchiveScenario: { permission: "scenarios.write", run: unarchiveScenario },
  createDemandPlan: { permission: "demand_plans.write", run: createDemandPlan },
  updateDemandPlan: { permission: "demand_plans.write", run: updateDemandPlan },
  archiveDemandPlan: { permission: "demand_plans.write", run: archiveDemandPlan },
  unarchiveDemandPlan: { permission: "demand_plans.write", run: unarchiveDemandPlan },
  createApiKey: { permission: "api_keys.manage", run: createApiKey },
  revokeApiKey: { permission: "api_keys.manage", run: revokeApiKey },
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
} satisfies Record<string, { permission: Permission; run: WriteVerb }>;

export type WriteVerbName = keyof typeof WRITE_VERBS;
