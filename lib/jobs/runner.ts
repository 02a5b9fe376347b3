import { serverUrlOf, type Db } from "@/lib/db/client";
import { JOBS, type JobDefinition, type JobRunner } from "./definitions";
import { startLocalRunner } from "./local-runner";
import { startQueueRunner } from "./queue-runner";

export type { JobRunner } from "./definitions";

// On globalThis: the server script starts the runner and stops it on exit, whichever module instance asks.
const holder = globalThis as { headroomJobRunner?: JobRunner | null };

/** Starts the jobs of this app instance: pg-boss when the database is a server, timers on the embedded one. */
export async function startJobs(db: Db, jobs: readonly JobDefinition[] = JOBS): Promise<JobRunner> {
  const url = serverUrlOf(db);
  const runner = url ? await startQueueRunner(db, url, jobs) : startLocalRunner(db, jobs);
  holder.headroomJobRunner = runner;
  return runner;
}

export async function stopJobs(): Promise<void> {
  const runner = holder.headroomJobRunner;
  holder.headroomJobRunner = null;
  await runner?.stop();
}
