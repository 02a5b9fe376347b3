import type { Db } from "@/lib/db/client";
import type { JobDefinition, JobRunner } from "./definitions";
import { executeJob } from "./execute";
import { nextCronTime, retryDelay } from "./schedule";

// setTimeout holds at most 2^31 − 1 ms (24.8 days); a later time is reached in steps.
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Jobs on the embedded database: one process owns the data folder, so the schedule runs in it, timer by timer, with
 * the same retries as the queue (retryDelaySeconds doubled after each failed retry). A job never overlaps itself.
 */
export function startLocalRunner(db: Db, jobs: readonly JobDefinition[], options: { now?: () => Date } = {}): JobRunner {
  const now = options.now ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const later = (at: Date, fn: () => void) => {
    if (stopped) return;
    const delay = Math.max(0, at.getTime() - now().getTime());
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (delay > MAX_TIMEOUT) later(at, fn);
        else fn();
      },
      Math.min(delay, MAX_TIMEOUT),
    );
    timer.unref();
    timers.add(timer);
  };

  const attempt = (job: JobDefinition, n: number): Promise<void> => {
    const run = executeJob(db, job, { trigger: "schedule", attempt: n, actor: "schedule" }).then((outcome) => {
      if (outcome.status === "failed" && n <= job.retryLimit && !stopped) {
        later(new Date(now().getTime() + retryDelay(job.retryDelaySeconds, n) * 1000), () => void start(job, n + 1));
      }
    });
    return run;
  };

  const start = (job: JobDefinition, n = 1): Promise<void> => {
    if (stopped) return Promise.resolve();
    const busy = running.get(job.name);
    if (busy) return busy;
    const run = attempt(job, n)
      .catch((error: unknown) => console.error(`[jobs] ${job.name}: ${(error as Error).message}`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  const arm = (job: JobDefinition & { schedule: string }) => {
    later(nextCronTime(job.schedule, now()), () => {
      void start(job);
      arm(job);
    });
  };
  for (const job of jobs) if (job.schedule) arm(job as JobDefinition & { schedule: string });

  return {
    kind: "local",
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(running.values());
    },
  };
}
