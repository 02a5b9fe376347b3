import type { Ctx } from "@/lib/auth/context";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";

/** What a job does: its one-line result, or a throw (the error's message is shown on /settings/jobs). */
export type JobHandler = (ctx: Ctx) => Promise<string>;

export type JobDefinition = {
  name: string;
  /** What it is for, as /settings/jobs says it. */
  description: string;
  /** Five-field cron in UTC; null: runs only when asked (Run now, the CLI). */
  schedule: string | null;
  /** Retries after a failed attempt, each `retryDelaySeconds × 2^(n−1)` later. */
  retryLimit: number;
  retryDelaySeconds: number;
  run: JobHandler;
};

/** The jobs of one app instance, started by the server (lib/jobs/runner.ts). */
export type JobRunner = {
  /** "queue": pg-boss on a Postgres server; "local": timers in this process (embedded database). */
  kind: "queue" | "local";
  stop: () => Promise<void>;
};

export const JOBS: readonly JobDefinition[] = [
  {
    name: "imports.recover",
    description: "Marks FOCUS imports left running by a stopped process as failed, so their files can be loaded again.",
    schedule: "*/5 * * * *",
    retryLimit: 2,
    retryDelaySeconds: 30,
    run: async (ctx) => {
      const n = await failInterruptedImports(ctx.db);
      return n === 0 ? "No interrupted import." : `${n} interrupted import${n === 1 ? "" : "s"} marked failed.`;
    },
  },
];

export function jobNamed(name: string, jobs: readonly JobDefinition[] = JOBS): JobDefinition | undefined {
  return jobs.find((j) => j.name === name);
}
