import { lt, sql } from "drizzle-orm";
import type { Ctx } from "@/lib/auth/context";
import { jobRuns } from "@/lib/db/schema";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";
import { deliverPending, deliveryText } from "@/lib/notify/deliver";
import { deliverDueReports } from "@/lib/notify/report-delivery";
import { runDueConnectors } from "@/lib/services/connectors/run-due";
import { evaluateIfDue } from "@/lib/alerts/schedule";
import type { RunSummary } from "@/lib/services/connectors/run";

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

/** Days of job_runs kept (a job that runs every minute leaves 1,440 rows a day). */
export const JOB_HISTORY_DAYS = 14;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 connectors ran: 3 objects imported, 1 rejected; 1 failed: Access Denied" */
export function connectorRunsText(runs: RunSummary[]): string {
  if (runs.length === 0) return "No connector was due.";
  const total = (key: keyof RunSummary["counts"]) => runs.reduce((a, r) => a + r.counts[key], 0);
  const parts = (["imported", "replaced", "duplicate", "rejected", "failed"] as const)
    .filter((k) => total(k) > 0)
    .map((k, i) => (i === 0 ? `${plural(total(k), "object")} ${k}` : `${total(k)} ${k}`));
  const failed = runs.filter((r) => r.result === "failed");
  const why = failed.length > 0 ? `; ${plural(failed.length, "connector")} could not run: ${failed.map((r) => r.error).join("; ")}` : "";
  return `${plural(runs.length, "connector")} ran: ${parts.length > 0 ? parts.join(", ") : "nothing new"}${why}.`;
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: "connectors.sync",
    description:
      "Runs each billing connector whose schedule is due: lists its bucket or container and loads new or changed exports through the FOCUS importer.",
    schedule: "* * * * *",
    retryLimit: 0,
    retryDelaySeconds: 60,
    run: async (ctx) => connectorRunsText(await runDueConnectors(ctx.db, new Date())),
  },
  {
    name: "notifications.deliver",
    description:
      "Sends the alert notifications that are due to their channels (email, signed webhook, Slack, Teams); a failed one is retried after 1, 2, 4 and 8 minutes, then marked failed.",
    schedule: "* * * * *",
    retryLimit: 0,
    retryDelaySeconds: 60,
    run: async (ctx) => deliveryText(await deliverPending(ctx.db, { now: new Date() })),
  },
  {
    name: "reports.deliver",
    description:
      "Mails each saved report whose schedule is due: key figures, chosen sections as CSV and a fresh share link; a failed delivery is retried, then marked failed.",
    schedule: "* * * * *",
    retryLimit: 0,
    retryDelaySeconds: 60,
    run: async (ctx) => deliveryText(await deliverDueReports(ctx.db, { now: new Date() }), "report delivery", "report deliveries"),
  },
  {
    name: "imports.recover",
    description: "Marks FOCUS imports left running by a stopped process as failed, so their files can be loaded again.",
    schedule: "*/5 * * * *",
    retryLimit: 2,
    retryDelaySeconds: 30,
    run: async (ctx) => {
      const n = await failInterruptedImports(ctx.db);
      return n === 0 ? "No interrupted import." : `${plural(n, "interrupted import")} marked failed.`;
    },
  },
  {
    name: "alerts.evaluate",
    description:
      "Evaluates the alert rules when the last evaluation is older than the interval set on Alerts → Rules, or when an import or a register change moved the data since: writes what fired and resolved, and the notifications to send.",
    schedule: "* * * * *",
    retryLimit: 0,
    retryDelaySeconds: 60,
    run: async (ctx) => evaluateIfDue(ctx.db, new Date()),
  },
  {
    name: "jobs.prune",
    description: `Deletes job runs older than ${JOB_HISTORY_DAYS} days from the history shown here.`,
    schedule: "17 3 * * *",
    retryLimit: 2,
    retryDelaySeconds: 300,
    run: async (ctx) => {
      const gone = await ctx.db
        .delete(jobRuns)
        .where(lt(jobRuns.startedAt, sql`now() - make_interval(days => ${JOB_HISTORY_DAYS})`))
        .returning({ id: jobRuns.id });
      return `${plural(gone.length, "run")} older than ${JOB_HISTORY_DAYS} days deleted.`;
    },
  },
];

export function jobNamed(name: string, jobs: readonly JobDefinition[] = JOBS): JobDefinition | undefined {
  return jobs.find((j) => j.name === name);
}
