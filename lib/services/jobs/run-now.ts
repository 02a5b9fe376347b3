import { z } from "zod";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { JOBS, jobNamed, type JobDefinition } from "@/lib/jobs/definitions";
import { executeJob, type JobOutcome } from "@/lib/jobs/execute";
import { audit } from "@/lib/services/audit";
import { parseInput } from "@/lib/services/context";

const RunJobInput = z.object({
  name: z.string().trim().min(1, "Name the job to run."),
  trigger: z.enum(["manual", "cli"]).default("manual"),
});

/**
 * Runs a job at once in this process (Run now on /settings/jobs, `npm run headroom -- jobs run`), recorded like a
 * scheduled run. Jobs are written to be safe beside a scheduled run of themselves (connectors claim their objects).
 */
export async function runJobNow({
  ctx,
  input,
  jobs = JOBS,
}: {
  ctx: Ctx;
  input: unknown;
  jobs?: readonly JobDefinition[];
}): Promise<JobOutcome> {
  requirePermission(ctx, "jobs.manage");
  const data = parseInput(RunJobInput, input);
  const job = jobNamed(data.name, jobs);
  if (!job) throw new NotFoundError(`No job is named "${data.name}". Jobs: ${jobs.map((j) => j.name).join(", ")}.`);
  await audit(ctx.db, ctx, { action: "job.run", entityType: "job", entityId: job.name });
  return executeJob(ctx.db, job, { trigger: data.trigger, actor: ctx.actor.email });
}
