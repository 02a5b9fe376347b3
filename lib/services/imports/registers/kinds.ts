import type { z } from "zod";
import type { Executor } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";
import { insertAcceleratorType } from "@/lib/services/accelerator-types/create";
import { CreateAcceleratorTypeInput } from "@/lib/services/accelerator-types/schemas";
import { insertContract } from "@/lib/services/contracts/create";
import { CreateContractInput } from "@/lib/services/contracts/schemas";
import { insertDemandPlan } from "@/lib/services/demand-plans/create";
import { CreateDemandPlanInput } from "@/lib/services/demand-plans/schemas";
import { insertPowerBudget } from "@/lib/services/power-budgets/create";
import { CreatePowerBudgetInput } from "@/lib/services/power-budgets/schemas";
import { insertProvider } from "@/lib/services/providers/create";
import { CreateProviderInput } from "@/lib/services/providers/schemas";
import { insertReservation } from "@/lib/services/reservations/create";
import { CreateReservationInput } from "@/lib/services/reservations/schemas";
import { insertOffer } from "@/lib/services/offers/create";
import { CreateOfferInput } from "@/lib/services/offers/schemas";
import { insertSite } from "@/lib/services/sites/create";
import { insertTeam } from "@/lib/services/teams/create";
import { CreateTeamInput } from "@/lib/services/teams/schemas";
import { insertWorkload } from "@/lib/services/workloads/create";
import { insertAllocation } from "@/lib/services/allocations/create";
import { CreateAllocationInput } from "@/lib/services/allocations/schemas";
import { CreateWorkloadInput } from "@/lib/services/workloads/schemas";
import type { Lookups } from "@/lib/ingest/registers/resolve";
import { CreateSiteInput } from "@/lib/services/sites/schemas";
import {
  CONTRACTS_TEMPLATE,
  POWER_BUDGETS_TEMPLATE,
  RESERVATIONS_TEMPLATE,
  SITES_TEMPLATE,
  type RegisterTemplate,
} from "@/lib/csv/register-templates";
import {
  ACCELERATOR_TYPES_TEMPLATE,
  DEMAND_PLANS_TEMPLATE,
  OFFERS_TEMPLATE,
  PROVIDERS_TEMPLATE,
} from "@/lib/csv/register-templates-catalog";
import { ALLOCATIONS_TEMPLATE, TEAMS_TEMPLATE, WORKLOADS_TEMPLATE } from "@/lib/csv/register-templates-allocation";

// Every register a CSV file can load, in the order to load them (a file names records of the kinds above it).
// A kind is its template (columns, example, permission), the create verb's zod schema and the insert helper the
// create verb runs in its transaction, so a file row passes exactly the rules a form does. Add a kind here and to
// IMPORT_KINDS (lib/enums.ts, with its migration); the page, the upload route, the CLI and the template download follow.

type Insert<T> = (tx: Executor, ctx: Ctx, data: T) => Promise<Record<string, unknown>>;
/** `names`: the lookup a created row joins, so later rows of the same file can name it. */
type RegisterKindSpec = { template: RegisterTemplate; schema: z.ZodType; insert: Insert<unknown>; names?: "teams" | "workloads" };

/** The insert is called only with what `schema` parsed. */
function kind<S extends z.ZodType>(
  template: RegisterTemplate,
  schema: S,
  insert: Insert<z.infer<S>>,
  names?: keyof Pick<Lookups, "teams" | "workloads">,
): RegisterKindSpec {
  return { template, schema, insert: (tx, ctx, data) => insert(tx, ctx, data as z.infer<S>), names };
}

export const REGISTER_KINDS = {
  providers: kind(PROVIDERS_TEMPLATE, CreateProviderInput, insertProvider),
  accelerator_types: kind(ACCELERATOR_TYPES_TEMPLATE, CreateAcceleratorTypeInput, insertAcceleratorType),
  sites: kind(SITES_TEMPLATE, CreateSiteInput, insertSite),
  power_budgets: kind(POWER_BUDGETS_TEMPLATE, CreatePowerBudgetInput, insertPowerBudget),
  contracts: kind(CONTRACTS_TEMPLATE, CreateContractInput, insertContract),
  reservations: kind(RESERVATIONS_TEMPLATE, CreateReservationInput, insertReservation),
  teams: kind(TEAMS_TEMPLATE, CreateTeamInput, insertTeam, "teams"),
  workloads: kind(WORKLOADS_TEMPLATE, CreateWorkloadInput, insertWorkload, "workloads"),
  allocations: kind(ALLOCATIONS_TEMPLATE, CreateAllocationInput, insertAllocation),
  demand_plans: kind(DEMAND_PLANS_TEMPLATE, CreateDemandPlanInput, insertDemandPlan),
  offers: kind(OFFERS_TEMPLATE, CreateOfferInput, insertOffer),
} satisfies Record<string, RegisterKindSpec>;

export type RegisterKind = keyof typeof REGISTER_KINDS;

export const REGISTER_KIND_NAMES = Object.keys(REGISTER_KINDS) as [RegisterKind, ...RegisterKind[]];

export function isRegisterKind(value: unknown): value is RegisterKind {
  return typeof value === "string" && Object.hasOwn(REGISTER_KINDS, value);
}

/** The kinds as a sentence ("contracts, … or demand plans"), by label or (`names`) as the CLI and URLs spell them. */
export function registerKindList(spelling: "labels" | "names" = "labels"): string {
  const words = REGISTER_KIND_NAMES.map((k) => (spelling === "names" ? k : REGISTER_KINDS[k].template.label.toLowerCase()));
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
