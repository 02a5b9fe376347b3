import { and, eq } from "drizzle-orm";
import { scenarios } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseStoredOverrides } from "@/lib/planning/model";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkScenarioRules } from "./rules";
import { UpdateScenarioInput } from "./schemas";

export async function updateScenario({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "scenarios.write");
  const data = parseInput(UpdateScenarioInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(scenarios).where(eq(scenarios.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This scenario no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "scenario", id: before.id, label: `Scenario ${before.name}` }, data.version, before);
    }
    if (before.archivedAt) throw new ValidationError("This scenario is archived; unarchive it before editing.");
    await checkScenarioRules(
      tx,
      { name: data.changes.name ?? before.name, overrides: data.changes.overrides ?? parseStoredOverrides(before.overrides).overrides },
      before.id,
    );
    const [after] = await tx
      .update(scenarios)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(scenarios.id, data.id), eq(scenarios.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "scenario.update", entityType: "scenario", entityId: before.id, before, after });
    return after!;
  });
}
