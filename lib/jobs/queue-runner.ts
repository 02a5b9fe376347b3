import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import type { JobDefinition, JobRunner } from "./definitions";
import { executeJob, jobErrorText } from "./execute";

const SETUP_LOCK = 0x4a4f4253; // "JOBS"

/** pg-boss queue names: letters, digits and underscores ("imports.recover" → "headroom_imports_recover"). */
export function queueName(job: string): string {
  return `headroom_${job.replace(/\W/g, "_")}`;
}

/**
 * Jobs on a Postgres server (or Citus): pg-boss, in its own `pgboss` schema. Each job is a queue with its retry
 * policy; scheduled jobs are pg-boss cron schedules, which put one job per tick in the queue however many instances
 * run (one instance holds the cron clock at a time, and the tick's job is a singleton); a queued job is fetched with
 * SKIP LOCKED, so exactly one worker runs it.
 */
export async function startQueueRunner(
  db: Db,
  connectionString: string,
  jobs: readonly JobDefinition[],
  options: { log?: (line: string) => void; pollingIntervalSeconds?: number; cronMonitorIntervalSeconds?: number } = {},
): Promise<JobRunner> {
  const log = options.log ?? ((line: string) => console.error(line));
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 3,
    application_name: "headroom-jobs",
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    // Headroom keeps its own history (job_runs); the queue's rows go after a week.
    deleteAfterDays: 7,
  });
  // pg-boss reports connection trouble as events (it reconnects by itself); the message only, never the URL.
  boss.on("error", (error: unknown) => log(`[jobs] ${jobErrorText(error)}`));
  // Instances starting together would race pg-boss' schema creation and queue definitions into deadlocks: one at a
  // time, under an advisory lock held by a transaction of the app's pool for the length of the set-up.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    await boss.start();
    for (const job of jobs) {
      const queue = queueName(job.name);
      await boss.createQueue(queue, { name: queue, retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds, retryBackoff: true });
      if (job.schedule) await boss.schedule(queue, job.schedule, {}, { tz: "UTC" });
      else await boss.unschedule(queue);
    }
  });
  for (const job of jobs) {
    const queue = queueName(job.name);
    await boss.work(
      queue,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([item]) => {
        if (!item) return;
        await executeJob(db, job, { trigger: "schedule", attempt: item.retryCount + 1, actor: "schedule", rethrow: true });
      },
    );
  }
  return {
    kind: "queue",
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
