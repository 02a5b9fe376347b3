import { sql } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/rows";
import { JOBS, type JobDefinition } from "@/lib/jobs/definitions";
import { nextCronTime } from "@/lib/jobs/schedule";

export type JobRunRow = {
  id: number;
  trigger: string;
  attempt: number;
  status: "running" | "succeeded" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  result: string | null;
  error: string | null;
  actor: string;
};

export type JobOverview = {
  name: string;
  description: string;
  schedule: string | null;
  retryLimit: number;
  nextRun: Date | null;
  last: JobRunRow | null;
  lastSuccessAt: Date | null;
  /** Failed runs since the last success (0 when the last run succeeded or none ran). */
  failingStreak: number;
  /** The last run failed and the queue will try again (attempt ≤ retry limit). */
  retryPending: boolean;
  recent: JobRunRow[];
};

const RECENT = 10;

type Raw = Omit<JobRunRow, "startedAt" | "finishedAt" | "durationMs"> & {
  name: string;
  started_at: string | Date;
  finished_at: string | Date | null;
  rn: number;
  last_success: string | Date | null;
  streak: number;
};

/** Every job with its schedule, next run, last runs and how long it has been failing (/settings/jobs). */
export async function jobsOverview(ctx: Ctx, now = new Date(), jobs: readonly JobDefinition[] = JOBS): Promise<JobOverview[]> {
  requirePermission(ctx, "jobs.manage");
  const rows = await queryRows<Raw>(
    ctx.db,
    sql`with ranked as (
          select id::int as id, name, trigger, attempt, status, started_at, finished_at, result, error, actor,
                 row_number() over (partition by name order by started_at desc, id desc)::int as rn
          from job_runs
        ),
        success as (select name, max(started_at) as last_success from job_runs where status = 'succeeded' group by name)
        select r.*, s.last_success,
               (select count(*)::int from job_runs f
                 where f.name = r.name and f.status = 'failed' and (s.last_success is null or f.started_at > s.last_success)) as streak
        from ranked r left join success s on s.name = r.name
        where r.rn <= ${RECENT}
        order by r.name, r.rn`,
  );
  const byName = new Map<string, Raw[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return jobs.map((job) => {
    const raw = byName.get(job.name) ?? [];
    const recent = raw.map(toRun);
    const last = recent[0] ?? null;
    const first = raw[0];
    return {
      name: job.name,
      description: job.description,
      schedule: job.schedule,
      retryLimit: job.retryLimit,
      nextRun: job.schedule ? nextCronTime(job.schedule, now) : null,
      last,
      lastSuccessAt: first?.last_success ? new Date(first.last_success) : null,
      failingStreak: last?.status === "failed" ? (first?.streak ?? 0) : 0,
      retryPending: last?.status === "failed" && last.trigger === "schedule" && last.attempt <= job.retryLimit,
      recent,
    };
  });
}

function toRun(r: Raw): JobRunRow {
  const startedAt = new Date(r.started_at);
  const finishedAt = r.finished_at ? new Date(r.finished_at) : null;
  return {
    id: r.id,
    trigger: r.trigger,
    attempt: r.attempt,
    status: r.status,
    startedAt,
    finishedAt,
    durationMs: finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    result: r.result,
    error: r.error,
    actor: r.actor,
  };
}
