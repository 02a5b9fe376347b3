import { sql } from "drizzle-orm";
import { char, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { archivedAt, id, money, timestamps } from "./common";
import { contractStatusEnum, paymentTermsEnum, pricingModelEnum, reservationStatusEnum } from "./enums";
import { acceleratorTypes, providers, sites } from "./catalog";

export const contracts = pgTable(
  "contracts",
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    name: text().notNull(),
    reference: text(),
    startDate: date().notNull(),
    endDate: date().notNull(),
    committedAmount: money().notNull(),
    currency: char({ length: 3 }).notNull().default("USD"),
    discountPct: numeric({ precision: 5, scale: 2 }).notNull().default("0"),
    paymentTerms: paymentTermsEnum().notNull(),
    status: contractStatusEnum().notNull(),
    notes: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("contracts_provider_idx").on(t.providerId),
    index("contracts_status_idx").on(t.status),
    index("contracts_period_idx").on(t.startDate, t.endDate),
    uniqueIndex("contracts_provider_reference_key").on(t.providerId, t.reference),
    check("contracts_period", sql`${t.endDate} > ${t.startDate}`),
    check("contracts_committed_nonnegative", sql`${t.committedAmount} >= 0`),
    check("contracts_discount_range", sql`${t.discountPct} >= 0 and ${t.discountPct} <= 100`),
    check("contracts_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const reservations = pgTable(
  "reservations",
  {
    id: id(),
    name: text().notNull(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    siteId: uuid()
      .notNull()
      .references(() => sites.id),
    acceleratorTypeId: uuid()
      .notNull()
      .references(() => acceleratorTypes.id),
    contractId: uuid().references(() => contracts.id),
    quantity: integer().notNull(),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    pricingModel: pricingModelEnum().notNull(),
    rate: numeric({ precision: 14, scale: 6 }).notNull(),
    currency: char({ length: 3 }).notNull().default("USD"),
    status: reservationStatusEnum().notNull(),
    deliveryDate: date(),
    capacityReservationId: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("reservations_name_key").on(t.name),
    index("reservations_provider_idx").on(t.providerId),
    index("reservations_site_idx").on(t.siteId),
    index("reservations_accelerator_type_idx").on(t.acceleratorTypeId),
    index("reservations_contract_idx").on(t.contractId),
    index("reservations_status_idx").on(t.status),
    index("reservations_period_idx").on(t.startAt, t.endAt),
    index("reservations_capacity_reservation_idx").on(t.capacityReservationId),
    check("reservations_period", sql`${t.endAt} > ${t.startAt}`),
    check("reservations_quantity_positive", sql`${t.quantity} > 0`),
    check("reservations_rate_nonnegative", sql`${t.rate} >= 0`),
    check("reservations_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
