import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { alertRuleChannels, channels, providers, sites, teams, users } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseRuleParams, ruleKind, scopeAllowed } from "@/lib/alerts/rules";
import type { CreateAlertRuleInput } from "./schemas";

type RuleFields = Omit<CreateAlertRuleInput, "channelIds">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rule as it will be saved: params parsed by its kind, scope allowed for the kind and naming something that exists. */
export async function checkAlertRule(tx: Tx, rule: RuleFields): Promise<RuleFields> {
  const kind = ruleKind(rule.kind);
  if (!kind) throw new ValidationError("Choose a kind of rule.", { kind: ["Choose a kind of rule."] });
  const params = parseRuleParams(rule.kind, rule.params);
  if ((rule.scopeKind === null) !== (rule.scopeValue === null)) {
    const msg = rule.scopeKind ? "Choose what the scope is." : "Choose the kind of scope.";
    throw new ValidationError(msg, { [rule.scopeKind ? "scopeValue" : "scopeKind"]: [msg] });
  }
  if (!scopeAllowed(rule.kind, rule.scopeKind)) {
    const msg = `A ${kind.label.toLowerCase()} rule can be scoped to ${kind.scopes.map((s) => `a ${s}`).join(", ") || "nothing"} only.`;
    throw new ValidationError(msg, { scopeKind: [msg] });
  }
  if (rule.scopeKind && rule.scopeKind !== "family") {
    const table = { provider: providers, site: sites, team: teams }[rule.scopeKind];
    const found = UUID.test(rule.scopeValue!) ? await tx.select({ id: table.id }).from(table).where(eq(table.id, rule.scopeValue!)) : [];
    if (found.length === 0) {
      const msg = `That ${rule.scopeKind} does not exist.`;
      throw new ValidationError(msg, { scopeValue: [msg] });
    }
  }
  if (rule.ownerId) {
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.id, rule.ownerId));
    if (!owner) throw new ValidationError("That owner does not exist.", { ownerId: ["That owner does not exist."] });
  }
  return { ...rule, params };
}

/** Replaces a rule's channels with these (each an active channel). */
export async function setRuleChannels(tx: Tx, ruleId: string, channelIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(channelIds)];
  if (ids.length > 0) {
    const found = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(inArray(channels.id, ids), isNull(channels.archivedAt)));
    if (found.length !== ids.length)
      throw new ValidationError("A chosen channel no longer exists.", { channelIds: ["A chosen channel no longer exists."] });
  }
  await tx.delete(alertRuleChannels).where(eq(alertRuleChannels.ruleId, ruleId));
  if (ids.length > 0) await tx.insert(alertRuleChannels).values(ids.map((channelId) => ({ ruleId, channelId })));
  return ids.sort();
}

export async function ruleChannelIds(tx: Tx, ruleId: string): Promise<string[]> {
  const rows = await tx.select({ id: alertRuleChannels.channelId }).from(alertRuleChannels).where(eq(alertRuleChannels.ruleId, ruleId));
  return rows.map((r) => r.id).sort();
}
