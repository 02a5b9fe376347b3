import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, timestamps } from "./common";
import { providerKindEnum } from "./enums";

export const providers = pgTable(
  "providers",
  {
    id: id(),
    name: text().notNull(),
    kind: providerKindEnum().notNull(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("providers_name_key").on(t.name), index("providers_kind_idx").on(t.kind)],
);

export const acceleratorTypes = pgTable(
  "accelerator_types",
  {
    id: id(),
    name: text().notNull(),
    vendor: text().notNull(),
    family: text().notNull(),
    memoryGb: numeric({ precision: 8, scale: 1 }).notNull(),
    bf16Tflops: numeric({ precision: 10, scale: 1 }).notNull(),
    fp8Tflops: numeric({ precision: 10, scale: 1 }),
    tdpW: integer(),
    systemW: integer().notNull(),
    h100Equivalent: numeric({ precision: 8, scale: 4 }).notNull(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("accelerator_types_name_key").on(t.name),
    index("accelerator_types_family_idx").on(t.family),
    index("accelerator_types_vendor_idx").on(t.vendor),
    check("accelerator_types_bf16_positive", sql`${t.bf16Tflops} > 0`),
    check("accelerator_types_system_w_positive", sql`${t.systemW} > 0`),
    check("accelerator_types_h100e_positive", sql`${t.h100Equivalent} > 0`),
    check("accelerator_types_memory_positive", sql`${t.memoryGb} > 0`),
  ],
);

export const sites = pgTable(
  "sites",
  {
    id: id(),
    name: text().notNull(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    regionCode: text().notNull(),
    country: text().notNull(),
    pue: numeric({ precision: 4, scale: 2 }).notNull(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("sites_name_key").on(t.name),
    index("sites_provider_idx").on(t.providerId),
    check("sites_pue_range", sql`${t.pue} >= 1 and ${t.pue} <= 3`),
    check("sites_country_iso", sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const powerBudgets = pgTable(
  "power_budgets",
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    effectiveFrom: date().notNull(),
    effectiveTo: date(),
    contractedMw: numeric({ precision: 10, scale: 3 }).notNull(),
    ...timestamps(),
  },
  (t) => [
    index("power_budgets_site_idx").on(t.siteId, t.effectiveFrom),
    check("power_budgets_mw_positive", sql`${t.contractedMw} > 0`),
    check("power_budgets_period", sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);
