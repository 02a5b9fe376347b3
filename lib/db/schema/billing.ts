import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { acceleratorTypes, providers } from "./catalog";
import { contracts } from "./commercial";
import { importKindEnum, importStatusEnum } from "./enums";

export const imports = pgTable(
  "imports",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: importKindEnum().notNull(),
    fileName: text().notNull(),
    sha256: char({ length: 64 }).notNull(),
    rows: integer().notNull().default(0),
    bytes: bigint({ mode: "number" }),
    status: importStatusEnum().notNull().default("running"),
    errors: jsonb().$type<{ line: number; column?: string; message: string }[]>(),
    summary: jsonb(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("imports_succeeded_sha_key")
      .on(t.kind, t.sha256)
      .where(sql`${t.status} = 'succeeded'`),
    index("imports_created_at_idx").on(t.createdAt),
    index("imports_created_by_idx").on(t.createdBy),
  ],
);

const cost = () => numeric({ precision: 24, scale: 10 });

// The fact table, partitioned by import (migration 0008: PARTITION BY LIST (import_id), which drizzle cannot
// declare): each FOCUS import COPYs into a partition of its own and attaches it (lib/ingest/focus/partition.ts).
// No identity and no volatile default (either would turn COPY row by row); no foreign keys (registers are only
// ever archived, and the importer resolves every id from them in the load's transaction). Four indexes,
// for what still reads charges rather than billing_monthly: the key, burn-down's cut months, the mapping
// pages' counts and the unmatched list.
export const costLineItems = pgTable(
  "cost_line_items",
  {
    importId: bigint({ mode: "number" }).notNull(),
    lineNumber: integer().notNull(),
    providerId: uuid(),
    contractId: uuid(),
    reservationId: uuid(),
    acceleratorTypeId: uuid(),
    /** The workload the first matching allocation rule names (lib/ingest/matching.ts); null: no rule matches. */
    workloadId: uuid(),
    billingAccountId: text(),
    billingAccountName: text(),
    billingCurrency: char({ length: 3 }).notNull(),
    billingPeriodStart: timestamp({ withTimezone: true }),
    billingPeriodEnd: timestamp({ withTimezone: true }),
    chargePeriodStart: timestamp({ withTimezone: true }).notNull(),
    chargePeriodEnd: timestamp({ withTimezone: true }).notNull(),
    billedCost: cost().notNull(),
    effectiveCost: cost().notNull(),
    listCost: cost(),
    contractedCost: cost(),
    chargeCategory: text().notNull(),
    chargeClass: text(),
    chargeDescription: text(),
    chargeFrequency: text(),
    pricingCategory: text(),
    pricingQuantity: numeric({ precision: 24, scale: 10 }),
    pricingUnit: text(),
    consumedQuantity: numeric({ precision: 24, scale: 10 }),
    consumedUnit: text(),
    providerName: text(),
    publisherName: text(),
    invoiceIssuerName: text(),
    regionId: text(),
    regionName: text(),
    availabilityZone: text(),
    serviceCategory: text(),
    serviceName: text(),
    skuId: text(),
    skuPriceId: text(),
    resourceId: text(),
    resourceName: text(),
    resourceType: text(),
    subAccountId: text(),
    subAccountName: text(),
    commitmentDiscountId: text(),
    commitmentDiscountName: text(),
    commitmentDiscountCategory: text(),
    commitmentDiscountType: text(),
    commitmentDiscountStatus: text(),
    commitmentDiscountQuantity: numeric({ precision: 24, scale: 10 }),
    commitmentDiscountUnit: text(),
    capacityReservationId: text(),
    capacityReservationStatus: text(),
    tags: jsonb(),
    extra: jsonb(),
  },
  (t) => [
    primaryKey({ name: "cost_line_items_pk", columns: [t.importId, t.lineNumber] }),
    index("cost_line_items_contract_period_idx").on(t.contractId, t.chargePeriodStart),
    index("cost_line_items_provider_sku_idx").on(t.providerId, t.skuId),
    index("cost_line_items_unmatched_idx")
      .on(t.providerId)
      .where(sql`${t.contractId} is null and ${t.reservationId} is null and ${t.acceleratorTypeId} is null`),
  ],
);

// Matching rule: a provider's SKU (optionally in one region) is this many accelerators of a type per
// consumed unit-hour, e.g. AWS p5.48xlarge = 8 × H100 SXM. Editable in Settings.
export const skuMappings = pgTable(
  "sku_mappings",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    skuId: text().notNull(),
    regionId: text(),
    acceleratorTypeId: uuid()
      .notNull()
      .references(() => acceleratorTypes.id),
    acceleratorsPerUnit: numeric({ precision: 10, scale: 4 }).notNull().default("1"),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("sku_mappings_provider_sku_region_key").on(t.providerId, t.skuId, sql`coalesce(${t.regionId}, '')`),
    index("sku_mappings_accelerator_type_idx").on(t.acceleratorTypeId),
  ],
);

// Matching rule a finance user sets from the unmatched charges: a provider's charges that have every given field
// (ServiceName, SkuId, RegionId, one tag key=value, SubAccountId; at least one) count toward a contract. Read by
// lib/ingest/matching.ts after the explicit ties (CommitmentDiscountId, ContractApplied, tag, reservation); the most
// specific live rule wins. Sets cost_line_items.contract_id like every other contract tie.
export const contractMappings = pgTable(
  "contract_mappings",
  {
    id: uuid().primaryKey().defaultRandom(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    serviceName: text(),
    skuId: text(),
    regionId: text(),
    tagKey: text(),
    tagValue: text(),
    subAccountId: text(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("contract_mappings_rule_key").on(
      t.providerId,
      sql`coalesce(lower(${t.serviceName}), '')`,
      sql`coalesce(${t.skuId}, '')`,
      sql`coalesce(lower(${t.regionId}), '')`,
      sql`coalesce(${t.tagKey}, '')`,
      sql`coalesce(${t.tagValue}, '')`,
      sql`coalesce(${t.subAccountId}, '')`,
    ),
    index("contract_mappings_contract_idx").on(t.contractId),
  ],
);

const summed = () => numeric();

// Monthly rollup of cost_line_items, what every billing page reads (lib/ingest/billing-monthly.ts keeps it exact,
// in the transaction of each change). One row per import, UTC month of ChargePeriodStart and every field the billing
// queries group or filter by; list_cost/contracted_cost presence is part of the key so each row's sums are over rows
// that all have the value or all lack it. Sums are exact numeric; the charge-start range lets a query cut a month.
export const billingMonthly = pgTable(
  "billing_monthly",
  {
    month: date({ mode: "string" }).notNull(),
    importId: bigint({ mode: "number" }).notNull(),
    providerId: uuid(),
    /** ProviderName of charges tied to no provider (null when provider_id is set). */
    providerName: text(),
    billingCurrency: char({ length: 3 }).notNull(),
    contractId: uuid(),
    reservationId: uuid(),
    acceleratorTypeId: uuid(),
    /** The workload the first matching allocation rule names (lib/ingest/matching.ts); null: no rule matches. */
    workloadId: uuid(),
    chargeCategory: text().notNull(),
    pricingCategory: text(),
    commitmentDiscountStatus: text(),
    commitmentDiscountId: text(),
    hasListCost: boolean().notNull(),
    hasContractedCost: boolean().notNull(),
    commitmentDiscountName: text(),
    commitmentDiscountType: text(),
    rows: bigint({ mode: "number" }).notNull(),
    billedCost: summed().notNull(),
    effectiveCost: summed().notNull(),
    listCost: summed(),
    contractedCost: summed(),
    pricingQuantity: summed(),
    consumedQuantity: summed(),
    firstChargeStart: timestamp({ withTimezone: true }).notNull(),
    lastChargeStart: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("billing_monthly_provider_month_idx").on(t.providerId, t.month),
    index("billing_monthly_month_idx").on(t.month),
    index("billing_monthly_contract_idx").on(t.contractId),
    index("billing_monthly_import_idx").on(t.importId),
  ],
);
