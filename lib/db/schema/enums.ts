import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "finance", "infra", "viewer"]);
export const providerKindEnum = pgEnum("provider_kind", ["hyperscaler", "neocloud", "colo", "owned"]);
export const contractStatusEnum = pgEnum("contract_status", [
  "proposed",
  "pending",
  "active",
  "exhausted",
  "expired",
  "cancelled",
]);
export const paymentTermsEnum = pgEnum("payment_terms", ["upfront", "monthly", "usage_based"]);
export const pricingModelEnum = pgEnum("pricing_model", ["reserved", "on_demand", "spot"]);
export const reservationStatusEnum = pgEnum("reservation_status", ["planned", "active", "expired"]);
export const importKindEnum = pgEnum("import_kind", [
  "focus",
  "utilization",
  "contracts",
  "reservations",
  "sites",
  "power_budgets",
]);
export const importStatusEnum = pgEnum("import_status", ["running", "succeeded", "failed"]);
export const workloadKindEnum = pgEnum("workload_kind", ["training", "inference", "research"]);
