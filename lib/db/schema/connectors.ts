import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { providers } from "./catalog";
import { archivedAt, id, timestamps } from "./common";

/**
 * A storage location a cloud drops its FOCUS exports in. `location`: the non-secret settings of its kind (S3: endpoint,
 * region, bucket, forcePathStyle; Azure: accountUrl, container); `credentials`: their secrets as JSON, AES-256-GCM
 * encrypted with HEADROOM_SECRET_KEY (lib/connectors/secrets.ts), never read back to a page.
 */
export const connectors = pgTable(
  "connectors",
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(),
    providerId: uuid()
      .notNull()
      .references(() => providers.id),
    location: jsonb().notNull(),
    prefix: text().notNull().default(""),
    credentials: text().notNull(),
    schedule: text().notNull(),
    enabled: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true }),
    lastRunStartedAt: timestamp({ withTimezone: true }),
    lastRunFinishedAt: timestamp({ withTimezone: true }),
    /** succeeded (every object imported or seen), partial (some rejected), failed (the run itself failed). */
    lastResult: text(),
    lastError: text(),
    lastSummary: jsonb(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("connectors_name_key").on(t.name),
    index("connectors_provider_idx").on(t.providerId),
    index("connectors_next_run_idx").on(t.nextRunAt),
    check("connectors_kind", sql`${t.kind} in ('s3', 'azure_blob')`),
  ],
);

/** Each object a connector met, by key and ETag: a run imports only the ones it has no row for. */
export const connectorObjects = pgTable(
  "connector_objects",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    connectorId: uuid()
      .notNull()
      .references(() => connectors.id, { onDelete: "cascade" }),
    key: text().notNull(),
    etag: text().notNull(),
    size: bigint({ mode: "number" }).notNull(),
    /** importing (claimed by a run), imported, replaced, duplicate, rejected. */
    outcome: text().notNull(),
    /** The data files of a manifest export, loaded as this one import. */
    files: jsonb(),
    /** The imports row (no foreign key: on Citus one from a reference table to imports blocks the importer's final update). */
    importId: bigint({ mode: "number" }),
    errors: jsonb(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("connector_objects_key_etag_key").on(t.connectorId, t.key, t.etag),
    index("connector_objects_recent_idx").on(t.connectorId, t.startedAt),
    check("connector_objects_outcome", sql`${t.outcome} in ('importing', 'imported', 'replaced', 'duplicate', 'rejected')`),
  ],
);
