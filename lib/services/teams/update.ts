import { and, eq } from "drizzle-orm";
import { teams } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkTeamRules } from "./rules";
import { UpdateTeamInput } from "./schemas";

export async function updateTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(UpdateTeamInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This team no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "team", id: before.id, label: `Team ${before.name}` }, data.version, before);
    }
    await checkTeamRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(teams)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(teams.id, data.id), eq(teams.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "team.update", entityType: "team", entityId: before.id, before, after });
    return after!;
  });
}
