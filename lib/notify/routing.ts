import { SEVERITY_RANK, type NotificationItem, type ScopeKind, type Severity } from "@/lib/alerts/types";

export type ChannelRouting = {
  id: string;
  minSeverity: string;
  scopeKind: string | null;
  scopeValue: string | null;
  routeAll: boolean;
  enabled: boolean;
};

/**
 * Whether a channel takes an alert: it is enabled, the rule names it (`ruleChannelIds`) or it routes all, the alert is
 * at its lowest severity or above, and within its scope (none = any). For the evaluator, which writes one notification
 * per evaluation and channel with the items this accepts.
 */
export function channelTakes(
  channel: ChannelRouting,
  item: Pick<NotificationItem, "severity" | "scope">,
  ruleChannelIds: readonly string[],
): boolean {
  if (!channel.enabled) return false;
  if (!channel.routeAll && !ruleChannelIds.includes(channel.id)) return false;
  if (SEVERITY_RANK[item.severity] < SEVERITY_RANK[channel.minSeverity as Severity]) return false;
  if (channel.scopeKind && channel.scopeValue) return item.scope[channel.scopeKind as ScopeKind] === channel.scopeValue;
  return true;
}
