import type { PricingModel } from "@/lib/metrics/planned-cost";
import type { ReservationStatus } from "@/lib/metrics/capacity";

/** A capacity block as the planning pages see it: a reservation (or a scenario-only addition) with overrides applied. */
export type PlanningBlock = {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  providerKind: string;
  siteId: string;
  siteName: string;
  acceleratorTypeId: string;
  typeName: string;
  family: string;
  vendor: string;
  quantity: number;
  /** Delivery-adjusted: max(start, delivery date), then any scenario slip; never after endAt. */
  startAt: Date;
  endAt: Date;
  pricingModel: PricingModel;
  /** Per accelerator-hour, scenario price changes applied. */
  rate: string;
  currency: string;
  contractId: string | null;
  status: ReservationStatus;
  h100eFactor: string;
  systemW: number;
  bf16Tflops: string;
  /** Set on blocks that exist only in the scenario. */
  added?: boolean;
  /** Months the scenario slipped this block's delivery by. */
  slippedMonths?: number;
};

export type PlanningSite = {
  id: string;
  name: string;
  providerId: string;
  providerName: string;
  /** Scenario PUE when overridden. */
  pue: string;
  budgets: { effectiveFrom: Date; effectiveTo: Date | null; contractedMw: string }[];
};

export type PlanningDemandPlan = {
  id: string;
  name: string;
  family: string;
  /** Given H100e, else accelerators × the type's (else the family's average) factor. */
  h100e: string;
  accelerators: number | null;
  startAt: Date;
  endAt: Date;
  priority: number;
  kind: string;
  /** null for baseline plans; the scenario's id for plans that belong to it. */
  scenarioId: string | null;
};

export type CatalogProvider = { id: string; name: string; kind: string };
export type CatalogType = {
  id: string;
  name: string;
  family: string;
  vendor: string;
  h100eFactor: string;
  systemW: number;
  bf16Tflops: string;
};

export type PlanningModel = {
  asOf: Date;
  scenario: { id: string; name: string } | null;
  blocks: PlanningBlock[];
  sites: PlanningSite[];
  demandPlans: PlanningDemandPlan[];
  /** The scenario's demand growth in %, applied to forecast demand and plans (capacityDemandLine); "0" in the baseline. */
  demandGrowthPct: string;
  /** Providers and accelerator types (archived ones included) the blocks refer to, for added blocks and labels. */
  catalog: { providers: CatalogProvider[]; acceleratorTypes: CatalogType[] };
  /** Overrides that could not be applied (a removed reservation that no longer exists, an unknown site…). */
  warnings: string[];
};
