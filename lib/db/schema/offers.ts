import { sql } from "drizzle-orm";
import { char, check, date, index, integer, numeric, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { acceleratorTypes, providers, sites } from "./catalog";
import { archivedAt, id, money, timestamps } from "./common";
import { offerPricingModelEnum, offerSourceEnum } from "./enums";

// What can be bought: a leased block (reserved, on demand, spot) from a provider at a site or in a cloud region with
// no power limit of ours, or a build (owned) at a site, whose rate follows from its capex inputs.
export const offers = pgTable(
  "offers",
  {
    id: id(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    siteId: uuid().references(() => sites.id),
    region: text(),
    acceleratorTypeId: uuid()
      .notNull()
      .references(() => acceleratorTypes.id),
    pricingModel: offerPricingModelEnum().notNull(),
    termMonths: integer(),
    rate: numeric({ precision: 14, scale: 6 }).notNull(),
    currency: char({ length: 3 }).notNull().default("USD"),
    capexPerAccelerator: money(),
    facilityCapexPerW: numeric({ precision: 12, scale: 4 }),
    depreciationYears: numeric({ precision: 4, scale: 1 }),
    powerPerMwh: numeric({ precision: 10, scale: 2 }),
    opexPerAh: numeric({ precision: 14, scale: 6 }),
    minQuantity: integer().notNull().default(1),
    maxQuantity: integer(),
    step: integer().notNull().default(1),
    leadTimeDays: integer().notNull().default(0),
    validFrom: date().notNull(),
    validUntil: date(),
    source: offerSourceEnum().notNull(),
    note: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("offers_provider_idx").on(t.providerId),
    index("offers_site_idx").on(t.siteId),
    index("offers_accelerator_type_idx").on(t.acceleratorTypeId),
    index("offers_model_source_idx").on(t.pricingModel, t.source),
    check("offers_where", sql`${t.siteId} is not null or ${t.region} is not null`),
    check("offers_term", sql`${t.termMonths} is null or ${t.termMonths} > 0`),
    check("offers_term_required", sql`${t.pricingModel} not in ('reserved', 'owned') or ${t.termMonths} is not null`),
    check(
      "offers_build_inputs",
      sql`${t.pricingModel} <> 'owned' or (${t.siteId} is not null and ${t.capexPerAccelerator} is not null and ${t.facilityCapexPerW} is not null and ${t.depreciationYears} is not null and ${t.powerPerMwh} is not null and ${t.opexPerAh} is not null)`,
    ),
    check("offers_rate_nonnegative", sql`${t.rate} >= 0`),
    check("offers_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      "offers_quantities",
      sql`${t.step} > 0 and ${t.minQuantity} > 0 and (${t.maxQuantity} is null or ${t.maxQuantity} >= ${t.minQuantity})`,
    ),
    check("offers_lead_time_nonnegative", sql`${t.leadTimeDays} >= 0`),
    check("offers_validity", sql`${t.validUntil} is null or ${t.validUntil} > ${t.validFrom}`),
  ],
);
