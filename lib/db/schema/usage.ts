import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { reservations } from "./commercial";

// Large tables: keyed by (reservation_id, time) so they can be range-partitioned by time and
// distributed by reservation_id (Citus) or turned into hypertables without a redesign.
export const utilizationHourly = pgTable(
  "utilization_hourly",
  {
    reservationId: uuid()
      .notNull()
      .references(() => reservations.id),
    hour: timestamp({ withTimezone: true }).notNull(),
    usedAh: numeric({ precision: 14, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reservationId, t.hour] }),
    index("utilization_hourly_hour_idx").on(t.hour),
    check("utilization_hourly_used_nonnegative", sql`${t.usedAh} >= 0`),
  ],
);

export const utilizationDaily = pgTable(
  "utilization_daily",
  {
    reservationId: uuid()
      .notNull()
      .references(() => reservations.id),
    day: date().notNull(),
    usedAh: numeric({ precision: 16, scale: 4 }).notNull(),
    hoursReported: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reservationId, t.day] }), index("utilization_daily_day_idx").on(t.day)],
);

export const utilizationMonthly = pgTable(
  "utilization_monthly",
  {
    reservationId: uuid()
      .notNull()
      .references(() => reservations.id),
    month: date().notNull(),
    usedAh: numeric({ precision: 18, scale: 4 }).notNull(),
    hoursReported: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reservationId, t.month] }),
    index("utilization_monthly_month_idx").on(t.month),
    check("utilization_monthly_first_day", sql`extract(day from ${t.month}) = 1`),
  ],
);
