import { pgEnum } from "drizzle-orm/pg-core";
import {
  BUDGET_PERIOD_KINDS,
  BUDGET_SCOPE_KINDS,
  CONTRACT_STATUSES,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  OFFER_PRICING_MODELS,
  OFFER_SOURCES,
  PAYMENT_TERMS,
  POOL_RULE_KINDS,
  PRICING_MODELS,
  PROVIDER_KINDS,
  RESERVATION_STATUSES,
  ROLES,
  WORKLOAD_KINDS,
} from "@/lib/enums";

export const roleEnum = pgEnum("role", ROLES);
export const providerKindEnum = pgEnum("provider_kind", PROVIDER_KINDS);
export const contractStatusEnum = pgEnum("contract_status", CONTRACT_STATUSES);
export const paymentTermsEnum = pgEnum("payment_terms", PAYMENT_TERMS);
export const pricingModelEnum = pgEnum("pricing_model", PRICING_MODELS);
export const reservationStatusEnum = pgEnum("reservation_status", RESERVATION_STATUSES);
export const importKindEnum = pgEnum("import_kind", IMPORT_KINDS);
export const importStatusEnum = pgEnum("import_status", IMPORT_STATUSES);
export const workloadKindEnum = pgEnum("workload_kind", WORKLOAD_KINDS);
export const poolRuleKindEnum = pgEnum("pool_rule_kind", POOL_RULE_KINDS);
export const offerPricingModelEnum = pgEnum("offer_pricing_model", OFFER_PRICING_MODELS);
export const offerSourceEnum = pgEnum("offer_source", OFFER_SOURCES);
export const budgetScopeKindEnum = pgEnum("budget_scope_kind", BUDGET_SCOPE_KINDS);
export const budgetPeriodKindEnum = pgEnum("budget_period_kind", BUDGET_PERIOD_KINDS);
