import { and, eq, isNull } from "drizzle-orm";
import { demandPlans, teams, workloads } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkWorkloadRules } from "./rules";
import { ArchiveWorkloadInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(ArchiveWorkloadInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(workloads).where(eq(workloads.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This workload no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "workload", id: before.id, label: `Workload ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This workload is already archived." : "This workload is not archived.");
    }
    if (archive) {
      const plans = await tx
        .select({ name: demandPlans.name })
        .from(demandPlans)
        .where(and(eq(demandPlans.workloadId, before.id), isNull(demandPlans.archivedAt)));
      if (plans.length > 0)
        throw new ValidationError(
          `${before.name} still has active demand plans (${plans.map((p) => p.name).join(", ")}); move or archive them first.`,
        );
    } else {
      const [team] = await tx.select().from(teams).where(eq(teams.id, before.teamId));
      if (team?.archivedAt) throw new ValidationError(`Its team ${team.name} is archived; unarchive the team or move the workload first.`);
      await checkWorkloadRules(tx, before, before);
    }
    const [after] = await tx
      .update(workloads)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(workloads.id, data.id), eq(workloads.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "workload.archive" : "workload.unarchive",
      entityType: "workload",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a workload with no active demand plan: it leaves the lists and choices, and keeps its history. */
export function archiveWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
