// The value lists behind the database enums (lib/db/schema/enums.ts builds them from these), plain so that
// forms in the browser, validation and queries share one list without importing drizzle.
export const ROLES = ["admin", "finance", "infra", "viewer"] as const;
export const PROVIDER_KINDS = ["hyperscaler", "neocloud", "colo", "owned"] as const;
export const CONTRACT_STATUSES = ["proposed", "pending", "active", "exhausted", "expired", "cancelled"] as const;
export const PAYMENT_TERMS = ["upfront", "monthly", "usage_based"] as const;
export const PRICING_MODELS = ["reserved", "on_demand", "spot"] as const;
/** An offer may also be a build at a site of our own (`owned`). */
export const OFFER_PRICING_MODELS = ["reserved", "on_demand", "spot", "owned"] as const;
export const OFFER_SOURCES = ["quote", "list", "renewal"] as const;
export const OFFER_PRICING_LABELS: Record<(typeof OFFER_PRICING_MODELS)[number], string> = {
  reserved: "Reserved",
  on_demand: "On-demand",
  spot: "Spot",
  owned: "Owned (build)",
};
/** What a budget covers: the whole lab, one provider or one accelerator family (teams, workloads and contracts to come). */
export const BUDGET_SCOPE_KINDS = ["lab", "provider", "family", "team", "workload", "contract"] as const;
/** What a budget counts: money (its currency), accelerator-hours used, or H100-equivalent hours used. */
export const BUDGET_UNITS = ["money", "ah", "h100e_h"] as const;
export type BudgetUnit = (typeof BUDGET_UNITS)[number];
export const BUDGET_PERIOD_KINDS = ["month", "quarter", "year"] as const;
export const RESERVATION_STATUSES = ["planned", "active", "expired"] as const;
export const IMPORT_KINDS = [
  "focus",
  "utilization",
  "contracts",
  "reservations",
  "sites",
  "power_budgets",
  "providers",
  "accelerator_types",
  "demand_plans",
  "offers",
  "teams",
  "workloads",
  "allocations",
  "business_metrics",
] as const;
export const IMPORT_STATUSES = ["running", "succeeded", "failed"] as const;
/** `external`: a customer of capacity the lab resells. */
export const WORKLOAD_KINDS = ["training", "inference", "research", "platform", "external"] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
/** How a pool's shared cost is distributed: in proportion to allocation, evenly across the teams holding one, or all to one team. */
export const POOL_RULE_KINDS = ["proportional", "even", "team"] as const;
export type PoolRuleKind = (typeof POOL_RULE_KINDS)[number];
export const WORKLOAD_KIND_LABELS: Record<WorkloadKind, string> = {
  training: "Training",
  inference: "Inference",
  research: "Research",
  platform: "Platform",
  external: "External (resold)",
};

export type Role = (typeof ROLES)[number];
