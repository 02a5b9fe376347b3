import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";
import { systemCtx } from "@/lib/services/system-actor";
import type { JobDefinition } from "./definitions";

export type JobTrigger = "schedule" | "manual" | "cli";
export type JobOutcome = { runId: number; status: "succeeded" | "failed"; result: string | null; error: string | null; ms: number };

const MAX_TEXT = 2000;

/** An error as one line for /settings/jobs: its message only (never a stack, a query's parameters or a connection string). */
export function jobErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, " ").trim() || "The job failed without a message.";
  return line.replace(/postgres(ql)?:\/\/[^\s)'"]+/gi, "postgres://…").slice(0, MAX_TEXT);
}

/**
 * Runs one attempt of a job and records it in job_runs (a row while it runs, finished with its result or error).
 * `rethrow`: a queue that retries wants the failure thrown back after it is recorded.
 */
export async function executeJob(
  db: Db,
  job: JobDefinition,
  options: { trigger: JobTrigger; attempt?: number; actor: string; rethrow?: boolean },
): Promise<JobOutcome> {
  const started = performance.now();
  const [row] = await db
    .insert(jobRuns)
    .values({ name: job.name, trigger: options.trigger, attempt: options.attempt ?? 1, status: "running", actor: options.actor })
    .returning({ id: jobRuns.id });
  const runId = row?.id ?? 0;
  let outcome: JobOutcome;
  let failure: unknown = null;
  try {
    const result = (await job.run(systemCtx(db, `job:${job.name}`))).slice(0, MAX_TEXT);
    outcome = { runId, status: "succeeded", result, error: null, ms: 0 };
  } catch (error) {
    failure = error;
    outcome = { runId, status: "failed", result: null, error: jobErrorText(error), ms: 0 };
  }
  outcome.ms = Math.round(performance.now() - started);
  await db
    .update(jobRuns)
    .set({ status: outcome.status, result: outcome.result, error: outcome.error, finishedAt: new Date() })
    .where(eq(jobRuns.id, runId));
  if (failure !== null && options.rethrow) throw failure instanceof Error ? failure : new Error(outcome.error ?? "failed");
  return outcome;
}
