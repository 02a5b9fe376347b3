import { sql } from "drizzle-orm";
import {
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { archivedAt, id, timestamps } from "./common";
import { providers } from "./catalog";
import { reservations } from "./commercial";
import { poolRuleKindEnum, workloadKindEnum } from "./enums";

// Who uses the compute: teams (cost owners, a hierarchy at most 4 levels deep, checked by the verbs) and their workloads.
export const teams = pgTable(
  "teams",
  {
    id: id(),
    name: text().notNull(),
    costCentre: text(),
    parentId: uuid().references((): AnyPgColumn => teams.id),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("teams_active_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index("teams_parent_idx").on(t.parentId),
    check("teams_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

// An `external` workload is a customer of capacity the lab resells, at a sale price per accelerator-hour.
export const workloads = pgTable(
  "workloads",
  {
    id: id(),
    name: text().notNull(),
    kind: workloadKindEnum().notNull(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    activeFrom: date().notNull(),
    activeTo: date(),
    salePrice: numeric({ precision: 14, scale: 6 }),
    currency: char({ length: 3 }),
    notes: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("workloads_active_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    index("workloads_team_idx").on(t.teamId),
    check("workloads_period", sql`${t.activeTo} is null or ${t.activeTo} > ${t.activeFrom}`),
    // kind::text: the enum's new values cannot be cast to in the migration that adds them.
    check(
      "workloads_sale_price",
      sql`case when ${t.kind}::text = 'external' then ${t.salePrice} is not null and ${t.currency} is not null else ${t.salePrice} is null and ${t.currency} is null end`,
    ),
    check("workloads_sale_price_nonnegative", sql`${t.salePrice} is null or ${t.salePrice} >= 0`),
    check("workloads_currency_iso", sql`${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

// A block's accelerators allocated to a workload over [start, end) (end null: to the block's end). The sum over a
// block's active allocations never exceeds its quantity at any instant (checked by the verbs, under a lock on the block).
export const allocations = pgTable(
  "allocations",
  {
    id: id(),
    reservationId: uuid()
      .notNull()
      .references(() => reservations.id),
    workloadId: uuid()
      .notNull()
      .references(() => workloads.id),
    quantity: integer().notNull(),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }),
    notes: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("allocations_reservation_idx").on(t.reservationId),
    index("allocations_workload_idx").on(t.workloadId),
    check("allocations_quantity_positive", sql`${t.quantity} > 0`),
    check("allocations_period", sql`${t.endAt} is null or ${t.endAt} > ${t.startAt}`),
  ],
);

// A daily business figure of a workload (tokens served, requests, training tokens…): the denominator of unit economics.
// One value per workload, metric and day, so a re-sent day replaces it.
export const businessMetrics = pgTable(
  "business_metrics",
  {
    day: date().notNull(),
    workloadId: uuid()
      .notNull()
      .references(() => workloads.id),
    metric: text().notNull(),
    value: numeric({ precision: 24, scale: 6 }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text(),
  },
  (t) => [
    primaryKey({ columns: [t.workloadId, t.metric, t.day] }),
    check("business_metrics_value_nonnegative", sql`${t.value} >= 0`),
    check("business_metrics_metric_name", sql`${t.metric} ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' and length(${t.metric}) <= 64`),
  ],
);

// Allocation rules over FOCUS fields → workload, ordered by position, first match wins (like virtual tags). Every
// field a rule names must equal the charge's (case-insensitive for service and region; tag `key=value`; resource id
// by prefix); a rule names at least one. Applied at import and re-applied to past charges when the rules change.
export const allocationRules = pgTable(
  "allocation_rules",
  {
    id: id(),
    position: integer().notNull(),
    providerId: uuid().references(() => providers.id),
    serviceName: text(),
    skuId: text(),
    regionId: text(),
    subAccountId: text(),
    tagKey: text(),
    tagValue: text(),
    resourceIdPrefix: text(),
    workloadId: uuid()
      .notNull()
      .references(() => workloads.id),
    notes: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("allocation_rules_position_idx").on(t.position),
    index("allocation_rules_workload_idx").on(t.workloadId),
    check("allocation_rules_position_positive", sql`${t.position} > 0`),
    check("allocation_rules_tag_pair", sql`(${t.tagKey} is null) = (${t.tagValue} is null)`),
    check(
      "allocation_rules_names_a_field",
      sql`num_nonnulls(${t.providerId}, ${t.serviceName}, ${t.skuId}, ${t.regionId}, ${t.subAccountId}, ${t.tagKey}, ${t.resourceIdPrefix}) > 0`,
    ),
  ],
);

// How a pool's shared cost (the free pools of its blocks) is distributed: one row per accelerator family the admin
// set; a family with no row is distributed proportionally to allocation.
export const poolRules = pgTable(
  "pool_rules",
  {
    family: text().primaryKey(),
    kind: poolRuleKindEnum().notNull(),
    teamId: uuid().references(() => teams.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text(),
  },
  (t) => [check("pool_rules_team", sql`(${t.kind}::text = 'team') = (${t.teamId} is not null)`)],
);

// Used accelerator-hours of a shared block per workload and day, from the utilization feed's optional workload
// column: how a block's use splits between who used it. The block's own use stays in utilization_hourly (Σ here ≤ it).
export const utilizationWorkloadDaily = pgTable(
  "utilization_workload_daily",
  {
    reservationId: uuid()
      .notNull()
      .references(() => reservations.id),
    workloadId: uuid()
      .notNull()
      .references(() => workloads.id),
    day: date().notNull(),
    usedAh: numeric({ precision: 16, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reservationId, t.workloadId, t.day] }),
    index("utilization_workload_daily_day_idx").on(t.day),
    check("utilization_workload_daily_used_nonnegative", sql`${t.usedAh} >= 0`),
  ],
);
