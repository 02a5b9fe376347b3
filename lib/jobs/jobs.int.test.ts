import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { serverUrlOf, type DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { auditLog, jobRuns } from "@/lib/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { jobsOverview } from "@/lib/queries/settings/jobs";
import { runJobNow } from "@/lib/services/jobs/run-now";
import { systemCtx } from "@/lib/services/system-actor";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { JOB_HISTORY_DAYS, type JobDefinition } from "./definitions";
import { startLocalRunner } from "./local-runner";
import { startQueueRunner } from "./queue-runner";

const viewer = (ctx: Ctx): Ctx => ({ ...ctx, actor: { ...ctx.actor, role: "viewer" } });

/** A job failing its first `failures` attempts (counted across runners), then succeeding. */
function flaky(name: string, failures: number, schedule: string | null = null): JobDefinition & { calls: () => number } {
  let calls = 0;
  return {
    name,
    description: "test",
    schedule,
    retryLimit: 2,
    retryDelaySeconds: 0,
    run: async () => {
      calls += 1;
      if (calls <= failures) throw new Error(`attempt ${calls} broke (postgres://user:secret@db.internal/x)`);
      return `done on call ${calls}`;
    },
    calls: () => calls,
  };
}

async function runs(handle: DbHandle, name: string) {
  return handle.db.select().from(jobRuns).where(eq(jobRuns.name, name)).orderBy(asc(jobRuns.id));
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not within ${ms} ms`);
}

describeOnEachEngine("jobs", (engine) => {
  let handle: DbHandle;
  let ctx: Ctx;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ctx = systemCtx(handle.db, "admin@test");
  });
  afterAll(async () => handle.close());

  it("Run now records the run, its result and an audit row; a viewer, an unknown job and a blank name change nothing", async () => {
    const job = flaky("test.once", 0);
    const outcome = await runJobNow({ ctx, input: { name: "test.once" }, jobs: [job] });
    expect(outcome).toMatchObject({ status: "succeeded", result: "done on call 1", error: null });
    const [row] = await runs(handle, "test.once");
    expect(row).toMatchObject({ trigger: "manual", attempt: 1, status: "succeeded", result: "done on call 1", actor: "admin@test" });
    expect(row?.finishedAt).not.toBeNull();
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "job.run"));
    expect(audits.map((a) => a.entityId)).toEqual(["test.once"]);

    await expect(runJobNow({ ctx: viewer(ctx), input: { name: "test.once" }, jobs: [job] })).rejects.toThrow(ForbiddenError);
    await expect(runJobNow({ ctx, input: { name: "no.such" }, jobs: [job] })).rejects.toThrow(NotFoundError);
    await expect(runJobNow({ ctx, input: { name: " " }, jobs: [job] })).rejects.toThrow(ValidationError);
    expect(await runs(handle, "test.once")).toHaveLength(1);
    expect(job.calls()).toBe(1);
  });

  it("a failing job says why on the overview, without the connection string in its message, until it succeeds", async () => {
    const job = flaky("test.failing", 2);
    const at = new Date("2027-03-01T10:02:00Z");
    await runJobNow({ ctx, input: { name: job.name }, jobs: [job] });
    await runJobNow({ ctx, input: { name: job.name }, jobs: [job] });
    let [view] = await jobsOverview(ctx, at, [{ ...job, schedule: "*/5 * * * *" }]);
    expect(view).toMatchObject({ failingStreak: 2, lastSuccessAt: null, nextRun: new Date("2027-03-01T10:05:00Z") });
    expect(view?.last?.error).toBe("attempt 2 broke (postgres://…)");
    await runJobNow({ ctx, input: { name: job.name }, jobs: [job] });
    [view] = await jobsOverview(ctx, at, [job]);
    expect(view).toMatchObject({ failingStreak: 0, nextRun: null });
    expect(view?.lastSuccessAt).toEqual(view?.last?.startedAt);
    expect(view?.recent.map((r) => r.status)).toEqual(["succeeded", "failed", "failed"]);
    await expect(jobsOverview(viewer(ctx))).rejects.toThrow(ForbiddenError);
  });

  it("jobs.prune deletes the runs older than the history keeps, and only those", async () => {
    const old = new Date(Date.now() - (JOB_HISTORY_DAYS + 1) * 86_400_000);
    const recent = new Date(Date.now() - (JOB_HISTORY_DAYS - 1) * 86_400_000);
    await handle.db.insert(jobRuns).values([
      { name: "test.old", trigger: "schedule", status: "succeeded", startedAt: old, finishedAt: old, actor: "schedule" },
      { name: "test.old", trigger: "schedule", status: "succeeded", startedAt: recent, finishedAt: recent, actor: "schedule" },
    ]);
    const outcome = await runJobNow({ ctx, input: { name: "jobs.prune" } });
    expect(outcome.result).toBe(`1 run older than ${JOB_HISTORY_DAYS} days deleted.`);
    expect((await runs(handle, "test.old")).map((r) => r.startedAt)).toEqual([recent]);
  });

  it("in process: a scheduled job runs on its tick and is retried with its attempts recorded", async () => {
    const job = flaky("test.local", 2, "* * * * * *"); // every second (cron with seconds)
    const runner = startLocalRunner(handle.db, [job]);
    try {
      await until(async () => (await runs(handle, job.name)).some((r) => r.status === "succeeded"), 15_000);
    } finally {
      await runner.stop();
    }
    const rows = await runs(handle, job.name);
    expect(rows.slice(0, 3).map((r) => [r.attempt, r.status, r.trigger])).toEqual([
      [1, "failed", "schedule"],
      [2, "failed", "schedule"],
      [3, "succeeded", "schedule"],
    ]);
  });

  if (engine !== "pglite") {
    it("two app instances on one database: the queue runs each scheduled tick once, and retries a failure", async () => {
      const url = serverUrlOf(handle.db) as string;
      // A schedule whose only tick this day is the current minute: pg-boss sends a tick up to 60 s late, so the
      // instances see it now, and any second run could only be a duplicate (not a next tick). Not in a minute's last 15 s.
      if (new Date().getUTCSeconds() >= 45) await new Promise((r) => setTimeout(r, (61 - new Date().getUTCSeconds()) * 1000));
      const now = new Date();
      const thisMinute = `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`;
      const once = flaky("test.queue_once", 0, thisMinute);
      const retried = flaky("test.queue_retry", 1, thisMinute);
      const options = { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, log: () => {} };
      const runners = await Promise.all([
        startQueueRunner(handle.db, url, [once, retried], options),
        startQueueRunner(handle.db, url, [once, retried], options),
      ]);
      try {
        await until(async () => (await runs(handle, retried.name)).some((r) => r.status === "succeeded"), 30_000);
        await until(async () => (await runs(handle, once.name)).length > 0, 10_000);
        await new Promise((r) => setTimeout(r, 3000)); // a second instance's duplicate would land by now
      } finally {
        await Promise.all(runners.map((r) => r.stop()));
      }
      expect((await runs(handle, once.name)).map((r) => r.status)).toEqual(["succeeded"]);
      expect((await runs(handle, retried.name)).map((r) => [r.attempt, r.status])).toEqual([
        [1, "failed"],
        [2, "succeeded"],
      ]);
      const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from pgboss.schedule`);
      expect(row?.n).toBe(2);
    }, 90_000);
  }
});
