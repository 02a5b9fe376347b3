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
import { reservations } from "./commercial";
import { workloadKindEnum } from "./enums";

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
