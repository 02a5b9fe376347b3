import { and, eq, isNull } from "drizzle-orm";
import { acceleratorTypes, poolRules, teams } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { SetPoolRuleInput } from "./schemas";

/**
 * Sets the rule of one pool (an accelerator family of the catalog): proportional, even, or kept on one active team.
 * Proportional is the default, so setting it removes the family's row. Audited with the rule before and after.
 */
export async function setPoolRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "pool_rules.write");
  const data = parseInput(SetPoolRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    const [family] = await tx
      .select({ family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(eq(acceleratorTypes.family, data.family))
      .limit(1);
    if (!family) throw new ValidationError("No accelerator type has this family.", { family: ["Unknown family."] });
    const teamId = data.kind === "team" ? data.teamId! : null;
    if (teamId) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, teamId), isNull(teams.archivedAt)));
      if (!team) throw new ValidationError("This team does not exist or is archived.", { teamId: ["Choose an active team."] });
    }
    const [before] = await tx.select().from(poolRules).where(eq(poolRules.family, data.family)).for("update");
    let after: typeof before | null = null;
    if (data.kind === "proportional") {
      if (before) await tx.delete(poolRules).where(eq(poolRules.family, data.family));
    } else {
      const values = { kind: data.kind, teamId, updatedAt: new Date(), updatedBy: ctx.actor.email };
      [after] = await tx
        .insert(poolRules)
        .values({ family: data.family, ...values })
        .onConflictDoUpdate({ target: poolRules.family, set: values })
        .returning();
    }
    if (before || after) {
      await audit(tx, ctx, {
        action: "pool_rule.set",
        entityType: "pool_rule",
        entityId: data.family,
        before: before ?? { family: data.family, kind: "proportional", teamId: null },
        after: after ?? { family: data.family, kind: "proportional", teamId: null },
      });
    }
    return { family: data.family, kind: data.kind, teamId };
  });
}
