import { and, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { placementIssue } from "./tree";
import type { CreateTeamInput } from "./schemas";

export type TeamRow = typeof teams.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

// One team-tree change at a time: two concurrent moves could otherwise each pass the cycle check and close a loop.
const TEAM_TREE_LOCK = 7_404_001;

/** Serializes the verbs that change the team tree for the rest of the transaction. */
export async function lockTeamTree(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TEAM_TREE_LOCK})`);
}

/**
 * Rules that need the database, on the team as it would be saved: no other active team has its name (ignoring case), the
 * parent exists and is active (an archived parent is kept only if the team already had it) and the hierarchy stays at
 * most 4 levels deep with no cycle. `existing` is the row before an edit.
 */
export async function checkTeamRules(tx: Executor, data: CreateTeamInput, existing?: TeamRow): Promise<void> {
  await lockTeamTree(tx);
  const [clash] = await tx
    .select({ name: teams.name })
    .from(teams)
    .where(
      and(sql`lower(${teams.name}) = lower(${data.name})`, isNull(teams.archivedAt), existing ? ne(teams.id, existing.id) : undefined),
    );
  if (clash) refuse("name", `A team named ${clash.name} already exists.`);
  const nodes = await tx.select({ id: teams.id, name: teams.name, parentId: teams.parentId, archivedAt: teams.archivedAt }).from(teams);
  if (data.parentId) {
    const parent = nodes.find((n) => n.id === data.parentId);
    if (!parent) refuse("parentId", "This parent team does not exist.");
    if (parent.archivedAt && parent.id !== existing?.parentId)
      refuse("parentId", `${parent.name} is archived; choose another parent team.`);
  }
  const issue = placementIssue(
    nodes.filter((n) => n.archivedAt === null || n.id === data.parentId),
    { id: existing?.id ?? null, name: data.name },
    data.parentId,
  );
  if (issue) refuse("parentId", issue);
}
