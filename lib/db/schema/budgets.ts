import { sql } from "drizzle-orm";
import { char, check, date, index, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, money, timestamps } from "./common";
import { providers } from "./catalog";
import { contracts } from "./commercial";
import { teams, workloads } from "./allocation";
import { budgetPeriodKindEnum, budgetScopeKindEnum } from "./enums";

// A budget per month, quarter or year, recurring each period from activeFrom (to activeTo, exclusive, when set), in
// money (amount in currency) or in use (unit 'ah' = accelerator-hours, 'h100e_h' = H100-equivalent hours; currency unused).
// Scope: the whole lab, or exactly one of a provider, a family, a team, a workload or a contract.
export const budgets = pgTable(
  "budgets",
  {
    id: id(),
    name: text().notNull(),
    scopeKind: budgetScopeKindEnum().notNull(),
    providerId: uuid().references(() => providers.id),
    family: text(),
    teamId: uuid().references(() => teams.id),
    workloadId: uuid().references(() => workloads.id),
    contractId: uuid().references(() => contracts.id),
    unit: text().notNull().default("money"),
    periodKind: budgetPeriodKindEnum().notNull(),
    amount: money().notNull(),
    currency: char({ length: 3 }).notNull().default("USD"),
    actualThresholdPct: numeric({ precision: 6, scale: 2 }).notNull().default("80"),
    forecastThresholdPct: numeric({ precision: 6, scale: 2 }).notNull().default("100"),
    activeFrom: date().notNull(),
    activeTo: date(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("budgets_active_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index("budgets_provider_idx").on(t.providerId),
    index("budgets_team_idx").on(t.teamId),
    index("budgets_workload_idx").on(t.workloadId),
    index("budgets_contract_idx").on(t.contractId),
    // scope_kind::text: the enum's new values cannot be cast to in the migration that adds them.
    check(
      "budgets_scope",
      sql`num_nonnulls(${t.providerId}, ${t.family}, ${t.teamId}, ${t.workloadId}, ${t.contractId}) = case ${t.scopeKind}::text when 'lab' then 0 else 1 end and case ${t.scopeKind}::text when 'provider' then ${t.providerId} is not null when 'family' then ${t.family} is not null when 'team' then ${t.teamId} is not null when 'workload' then ${t.workloadId} is not null when 'contract' then ${t.contractId} is not null else true end`,
    ),
    check("budgets_unit", sql`${t.unit} in ('money', 'ah', 'h100e_h')`),
    check("budgets_amount_positive", sql`${t.amount} > 0`),
    check("budgets_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("budgets_thresholds", sql`${t.actualThresholdPct} > 0 and ${t.forecastThresholdPct} > 0`),
    check("budgets_period", sql`${t.activeTo} is null or ${t.activeTo} > ${t.activeFrom}`),
  ],
);
