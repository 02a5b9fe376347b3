import { and, eq } from "drizzle-orm";
import { scenarios } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveScenarioInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "scenarios.write");
  const data = parseInput(ArchiveScenarioInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(scenarios).where(eq(scenarios.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This scenario no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "scenario", id: before.id, label: `Scenario ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This scenario is already archived." : "This scenario is not archived.");
    }
    const [after] = await tx
      .update(scenarios)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(scenarios.id, data.id), eq(scenarios.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "scenario.archive" : "scenario.unarchive",
      entityType: "scenario",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a scenario: it leaves the list and the scenario switch; links to it keep working. */
export function archiveScenario({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveScenario({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
