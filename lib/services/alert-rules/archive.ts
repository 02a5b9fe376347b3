import { and, eq } from "drizzle-orm";
import { alertRules } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveAlertRuleInput } from "./schemas";
import { uniqueNameConflict } from "./unique-name";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "alerts.write");
  const data = parseInput(ArchiveAlertRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This rule no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "alert_rule", id: before.id, label: `Rule ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This rule is already archived." : "This rule is not archived.");
    }
    if (!archive) await uniqueNameConflict(tx, before.name, before.id);
    const [after] = await tx
      .update(alertRules)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(alertRules.id, data.id), eq(alertRules.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "alert_rule.archive" : "alert_rule.unarchive",
      entityType: "alert_rule",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a rule: it stops being evaluated (its firing alerts resolve at the next evaluation) and keeps its history. */
export function archiveAlertRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveAlertRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
