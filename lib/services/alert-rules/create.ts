import { alertRules } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkAlertRule, setRuleChannels } from "./rules";
import { CreateAlertRuleInput } from "./schemas";
import { uniqueNameConflict } from "./unique-name";

export async function createAlertRule({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "alerts.write");
  const { channelIds, ...data } = parseInput(CreateAlertRuleInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await checkAlertRule(tx, data);
    await uniqueNameConflict(tx, row.name);
    const [created] = await tx
      .insert(alertRules)
      .values({ ...row, updatedBy: ctx.actor.email })
      .returning();
    if (!created) throw new ConflictError("The rule could not be saved; retry.");
    const linked = await setRuleChannels(tx, created.id, channelIds);
    await audit(tx, ctx, {
      action: "alert_rule.create",
      entityType: "alert_rule",
      entityId: created.id,
      after: { ...created, channelIds: linked },
    });
    return { ...created, channelIds: linked };
  });
}
