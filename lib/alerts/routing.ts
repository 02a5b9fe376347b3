import { SEVERITY_RANK, type NotificationItem, type ScopeKind, type Severity } from "./types";

export type RoutableChannel = {
  id: string;
  minSeverity: string;
  scopeKind: string | null;
  scopeValue: string | null;
  routeAll: boolean;
  enabled: boolean;
  archivedAt: Date | null;
};

/** A channel takes an item when the rule names it (or it routes all), at its minimum severity or above, within its scope. */
export function channelTakes(channel: RoutableChannel, item: NotificationItem, named: ReadonlySet<string> | undefined): boolean {
  if (!channel.enabled || channel.archivedAt) return false;
  if (!channel.routeAll && !named?.has(channel.id)) return false;
  if (SEVERITY_RANK[item.severity] < SEVERITY_RANK[channel.minSeverity as Severity]) return false;
  if (channel.scopeKind && item.scope[channel.scopeKind as ScopeKind] !== channel.scopeValue) return false;
  return true;
}

/** The items each channel gets (channels with none left out), in the items' order. */
export function routeItems(
  channels: readonly RoutableChannel[],
  items: readonly NotificationItem[],
  channelsByRule: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, NotificationItem[]> {
  const routed = new Map<string, NotificationItem[]>();
  for (const channel of channels) {
    const mine = items.filter((item) => channelTakes(channel, item, channelsByRule.get(item.ruleId)));
    if (mine.length > 0) routed.set(channel.id, mine);
  }
  return routed;
}

/** "Headroom: 2 alerts firing, 1 resolved" — fired and repeated items count as firing. */
export function notificationSubject(items: readonly Pick<NotificationItem, "event" | "severity">[]): string {
  const firing = items.filter((i) => i.event !== "resolved");
  const resolved = items.length - firing.length;
  const critical = firing.some((i) => i.severity === "critical");
  const parts = [
    firing.length > 0 ? `${firing.length} alert${firing.length === 1 ? "" : "s"} firing` : null,
    resolved > 0 ? `${firing.length === 0 ? `${resolved} alert${resolved === 1 ? "" : "s"} ` : `${resolved} `}resolved` : null,
  ].filter(Boolean);
  return `Headroom: ${critical ? "[critical] " : ""}${parts.join(", ")}`;
}

export type RepeatState = { lastNotifiedAt: Date | null };

/**
 * Whether a still-firing alert is sent again at asOf: never while muted; once the mute is over, an alert never sent
 * goes out; otherwise every repeatMinutes (null: once).
 */
export function repeatDue(alert: RepeatState, rule: { repeatMinutes: number | null; mutedUntil: Date | null }, asOf: Date): boolean {
  if (isMuted(rule, asOf)) return false;
  if (alert.lastNotifiedAt === null) return true;
  if (rule.repeatMinutes === null) return false;
  return asOf.getTime() - alert.lastNotifiedAt.getTime() >= rule.repeatMinutes * 60_000;
}

export function isMuted(rule: { mutedUntil: Date | null }, asOf: Date): boolean {
  return rule.mutedUntil !== null && rule.mutedUntil > asOf;
}
