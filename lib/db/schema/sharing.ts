import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { archivedAt, id, timestamps } from "./common";

export const reports = pgTable(
  "reports",
  {
    id: id(),
    name: text().notNull(),
    note: text(),
    scope: jsonb().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [index("reports_created_by_idx").on(t.createdBy)],
);

export const sharedReports = pgTable(
  "shared_reports",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id),
    name: text().notNull(),
    /** Optional words telling this link from the report's others ("Board pack, March"). */
    label: text(),
    scope: jsonb().notNull(),
    tokenHash: text().notNull(),
    /** The token's first characters (SHARE_TOKEN_PREFIX_LENGTH; 36 of its 256 bits), shown to tell links apart; null before 0003. */
    tokenPrefix: text(),
    allowCsv: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    viewCount: integer().notNull().default(0),
    lastViewedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("shared_reports_token_hash_key").on(t.tokenHash),
    index("shared_reports_report_idx").on(t.reportId),
    index("shared_reports_created_by_idx").on(t.createdBy),
    check("shared_reports_expiry", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);
