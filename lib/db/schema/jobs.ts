import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per attempt of a job (lib/jobs): what /settings/jobs shows. The queue itself (pg-boss on a Postgres server)
 * keeps its own tables in the `pgboss` schema; this history is the same on every engine.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** schedule | manual (Run now) | cli */
    trigger: text().notNull(),
    /** 1 for the first try, 2… for the retries after a failure. */
    attempt: integer().notNull().default(1),
    /** running | succeeded | failed */
    status: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    /** One line on what the run did ("2 imports interrupted marked failed"). */
    result: text(),
    error: text(),
    actor: text().notNull(),
  },
  (t) => [index("job_runs_name_started_idx").on(t.name, t.startedAt)],
);
