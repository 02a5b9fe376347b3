import { and, eq } from "drizzle-orm";
import { alertRules } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkAlertRule, ruleChannelIds, setRuleChannels } from "./rules";
import { UpdateAlertRuleInput } from "./schemas";
import { uniqueNameConflict } from "./unique-name";

export async function updateAlertRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "alerts.write");
  const data = parseInput(UpdateAlertRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This rule no longer exists.");
    if (before.archivedAt) throw new ValidationError("This rule is archived; restore it before editing.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "alert_rule", id: before.id, label: `Rule ${before.name}` }, data.version, before);
    }
    const { channelIds, ...changes } = data.changes;
    const merged = {
      name: before.name,
      kind: before.kind,
      params: before.params as Record<string, unknown>,
      severity: before.severity as "info" | "warning" | "critical",
      ownerId: before.ownerId,
      scopeKind: before.scopeKind as "provider" | "family" | "site" | "team" | null,
      scopeValue: before.scopeValue,
      repeatMinutes: before.repeatMinutes,
      mutedUntil: before.mutedUntil,
      enabled: before.enabled,
      ...changes,
    };
    const row = await checkAlertRule(tx, merged);
    await uniqueNameConflict(tx, row.name, before.id);
    const [after] = await tx
      .update(alertRules)
      .set({ ...row, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(alertRules.id, data.id), eq(alertRules.version, data.version)))
      .returning();
    const beforeChannels = await ruleChannelIds(tx, before.id);
    const linked = channelIds === undefined ? beforeChannels : await setRuleChannels(tx, before.id, channelIds);
    await audit(tx, ctx, {
      action: "alert_rule.update",
      entityType: "alert_rule",
      entityId: before.id,
      before: { ...before, channelIds: beforeChannels },
      after: { ...after, channelIds: linked },
    });
    return { ...after!, channelIds: linked };
  });
}
