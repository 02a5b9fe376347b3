import { sql } from "drizzle-orm";
import { char, check, date, index, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, money, timestamps } from "./common";
import { providers } from "./catalog";
import { budgetPeriodKindEnum, budgetScopeKindEnum } from "./enums";

// A money budget per month, quarter or year, recurring each period from activeFrom (to activeTo, exclusive, when set).
// Scope: the whole lab, one provider (providerId) or one accelerator family (family), never both.
export const budgets = pgTable(
  "budgets",
  {
    id: id(),
    name: text().notNull(),
    scopeKind: budgetScopeKindEnum().notNull(),
    providerId: uuid().references(() => providers.id),
    family: text(),
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
    check(
      "budgets_scope",
      sql`case ${t.scopeKind}::text when 'lab' then ${t.providerId} is null and ${t.family} is null when 'provider' then ${t.providerId} is not null and ${t.family} is null else ${t.providerId} is null and ${t.family} is not null end`,
    ),
    check("budgets_amount_positive", sql`${t.amount} > 0`),
    check("budgets_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("budgets_thresholds", sql`${t.actualThresholdPct} > 0 and ${t.forecastThresholdPct} > 0`),
    check("budgets_period", sql`${t.activeTo} is null or ${t.activeTo} > ${t.activeFrom}`),
  ],
);
