import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { teams, workloads } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { workloadIssues, type CreateWorkloadInput } from "./schemas";

export type WorkloadRow = typeof workloads.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/**
 * The rules on the workload as it would be saved (an edit's merged fields): those between fields, the owning team exists
 * and is active (an archived one is kept only if the workload already had it), and no other active workload has its name.
 */
export async function checkWorkloadRules(tx: Executor, data: CreateWorkloadInput, existing?: WorkloadRow): Promise<void> {
  const issues = workloadIssues(data);
  const fields = Object.keys(issues);
  if (fields.length) throw new ValidationError(issues[fields[0]!]!, Object.fromEntries(fields.map((f) => [f, [issues[f]!]])));
  const [team] = await tx.select().from(teams).where(eq(teams.id, data.teamId));
  if (!team) refuse("teamId", "This team does not exist.");
  if (team.archivedAt && team.id !== existing?.teamId) refuse("teamId", `${team.name} is archived; choose another team.`);
  const [clash] = await tx
    .select({ name: workloads.name })
    .from(workloads)
    .where(
      and(
        sql`lower(${workloads.name}) = lower(${data.name})`,
        isNull(workloads.archivedAt),
        existing ? ne(workloads.id, existing.id) : undefined,
      ),
    );
  if (clash) refuse("name", `A workload named ${clash.name} already exists.`);
}
