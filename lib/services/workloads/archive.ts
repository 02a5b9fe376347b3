import { and, asc, eq, gt, isNull, or } from "drizzle-orm";
import { allocationRules, allocations, demandPlans, reservations, teams, workloads } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { Tx } from "@/lib/db/client";
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
      await refuseWhileInUse(tx, before);
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

/**
 * An archived workload would still be given charges by a live allocation rule, and capacity by an allocation that
 * has not ended: both must go first (the message names them, 5 at most).
 */
async function refuseWhileInUse(tx: Tx, workload: typeof workloads.$inferSelect): Promise<void> {
  const rules = await tx
    .select({ position: allocationRules.position })
    .from(allocationRules)
    .where(and(eq(allocationRules.workloadId, workload.id), isNull(allocationRules.archivedAt)))
    .orderBy(asc(allocationRules.position));
  if (rules.length === 1)
    throw new ValidationError(
      `Allocation rule #${rules[0]!.position} still sends charges to ${workload.name}; point it at another workload or archive it first.`,
    );
  if (rules.length > 1)
    throw new ValidationError(
      `Allocation rules ${listed(rules.map((r) => `#${r.position}`))} still send charges to ${workload.name}; point them at another workload or archive them first.`,
    );
  const now = new Date();
  const running = await tx
    .select({ block: reservations.name })
    .from(allocations)
    .innerJoin(reservations, eq(reservations.id, allocations.reservationId))
    .where(
      and(
        eq(allocations.workloadId, workload.id),
        isNull(allocations.archivedAt),
        or(isNull(allocations.endAt), gt(allocations.endAt, now)),
      ),
    )
    .orderBy(asc(reservations.name));
  if (running.length > 0)
    throw new ValidationError(
      `${workload.name} still holds capacity on ${listed([...new Set(running.map((r) => r.block))])}; end those allocations first.`,
    );
}

function listed(names: string[]): string {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

/** Archives a workload with no active demand plan, live allocation rule or running allocation: it leaves the lists and choices, and keeps its history. */
export function archiveWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
