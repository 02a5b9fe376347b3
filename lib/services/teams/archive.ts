import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { teams, workloads } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkTeamRules, lockTeamTree, type TeamRow } from "./rules";
import { ArchiveTeamInput } from "./schemas";

const names = (rows: { name: string }[]) => rows.map((r) => r.name).join(", ");

// A team is archived only when nothing active sits under it: no active sub-team and no active workload.
async function checkArchive(tx: Executor, team: TeamRow): Promise<void> {
  await lockTeamTree(tx);
  const [children, owned] = await Promise.all([
    tx
      .select({ name: teams.name })
      .from(teams)
      .where(and(eq(teams.parentId, team.id), isNull(teams.archivedAt))),
    tx
      .select({ name: workloads.name })
      .from(workloads)
      .where(and(eq(workloads.teamId, team.id), isNull(workloads.archivedAt))),
  ]);
  if (children.length > 0)
    throw new ValidationError(`${team.name} still has active sub-teams (${names(children)}); move or archive them first.`);
  if (owned.length > 0)
    throw new ValidationError(
      `${team.name} still owns active workloads (${names(owned)}); move them to another team or archive them first.`,
    );
}

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(ArchiveTeamInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This team no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "team", id: before.id, label: `Team ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This team is already archived." : "This team is not archived.");
    }
    if (archive) await checkArchive(tx, before);
    else {
      const [parent] = before.parentId ? await tx.select().from(teams).where(eq(teams.id, before.parentId)) : [];
      if (parent?.archivedAt) throw new ValidationError(`Its parent team ${parent.name} is archived; unarchive it first.`);
      await checkTeamRules(tx, before, before);
    }
    const [after] = await tx
      .update(teams)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(teams.id, data.id), eq(teams.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: archive ? "team.archive" : "team.unarchive", entityType: "team", entityId: before.id, before, after });
    return after!;
  });
}

/** Archives a team with no active sub-team or workload: it leaves the lists and choices, and keeps its history. */
export function archiveTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
