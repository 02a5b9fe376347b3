import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/registers/status-badge";
import { RunJobButton } from "@/components/settings/run-job-button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDayTimeUtc, formatDuration } from "@/lib/format/date";
import { jobsOverview, type JobOverview } from "@/lib/queries/settings/jobs";
import { runJobNowAction } from "./actions";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

const muted = "text-slate-600 dark:text-slate-400";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className={`text-xs font-medium ${muted}`}>{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

function JobCard({ job }: { job: JobOverview }) {
  const last = job.last;
  return (
    <section
      aria-labelledby={`job-${job.name}`}
      data-testid={`job-${job.name}`}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id={`job-${job.name}`} className="font-mono text-base font-semibold">
            {job.name}
          </h2>
          <p className={`mt-1 text-sm ${muted}`}>{job.description}</p>
        </div>
        <RunJobButton name={job.name} action={runJobNowAction} />
      </div>
      {job.failingStreak > 0 && last?.error ? (
        <p
          role="alert"
          className="mt-3 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
        >
          {job.failingStreak === 1 ? "The last run failed" : `The last ${job.failingStreak} runs failed`}
          {job.lastSuccessAt ? ` (last success ${formatDayTimeUtc(job.lastSuccessAt)})` : " and it has never succeeded"}: {last.error}
          {job.retryPending ? ` It will be retried (attempt ${last.attempt + 1} of ${job.retryLimit + 1}).` : ""}
        </p>
      ) : null}
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-5">
        <Fact label="Schedule (UTC)">{job.schedule ? <code className="text-xs">{job.schedule}</code> : "Only when asked"}</Fact>
        <Fact label="Next run">{job.nextRun ? formatDayTimeUtc(job.nextRun) : "—"}</Fact>
        <Fact label="Last run">
          {last ? (
            <span className="inline-flex flex-wrap items-center gap-2">
              <StatusBadge status={last.status} /> {formatDayTimeUtc(last.startedAt)}
            </span>
          ) : (
            "Never"
          )}
        </Fact>
        <Fact label="Duration">{last?.durationMs !== null && last?.durationMs !== undefined ? formatDuration(last.durationMs) : "—"}</Fact>
        <Fact label="Result">{last ? (last.status === "failed" ? last.error : (last.result ?? "Running…")) : "—"}</Fact>
      </dl>
      {job.recent.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium">Recent runs ({job.recent.length})</summary>
          <ScrollRegion label={`Recent runs of ${job.name}`} className="mt-2">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead className={`text-xs ${muted}`}>
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Trigger
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">
                    Duration
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Result
                  </th>
                </tr>
              </thead>
              <tbody>
                {job.recent.map((run) => (
                  <tr key={run.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="py-1.5 pr-3 whitespace-nowrap">{formatDayTimeUtc(run.startedAt)}</td>
                    <td className="py-1.5 pr-3">
                      <StatusBadge status={run.status} />
                    </td>
                    <td className="py-1.5 pr-3 whitespace-nowrap">
                      {run.trigger === "schedule" ? "schedule" : `${run.trigger} (${run.actor})`}
                      {run.attempt > 1 ? `, retry ${run.attempt - 1}` : ""}
                    </td>
                    <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                      {run.durationMs !== null ? formatDuration(run.durationMs) : "—"}
                    </td>
                    <td className="py-1.5">{run.status === "failed" ? run.error : (run.result ?? "—")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </details>
      ) : null}
    </section>
  );
}

export default async function JobsPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "jobs.manage")) notFound();
  const jobs = await jobsOverview(ctx);
  const server = Boolean(env().databaseUrl);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
      <p className={`mt-1 mb-6 text-sm ${muted}`}>
        Work Headroom does on a schedule.{" "}
        {server
          ? "On this Postgres server the jobs go through a queue (pg-boss): however many app instances run, each scheduled run happens once."
          : "On the embedded database the jobs run inside the app's own process."}{" "}
        A failed run is retried with a doubling delay; Run now runs a job at once, as you.
      </p>
      <div className="flex flex-col gap-4">
        {jobs.map((job) => (
          <JobCard key={job.name} job={job} />
        ))}
      </div>
    </div>
  );
}
