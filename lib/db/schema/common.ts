import { integer, numeric, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid().primaryKey().defaultRandom();

export const money = () => numeric({ precision: 20, scale: 4 });

export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text(),
  version: integer().notNull().default(1),
});

export const archivedAt = () => timestamp({ withTimezone: true });
