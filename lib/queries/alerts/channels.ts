import { desc, eq, isNull, sql } from "drizzle-orm";
import { channels, notificationDeliveries, notifications } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { targetLabel, type ChannelConfig } from "@/lib/notify/targets";

export type ChannelListRow = {
  id: string;
  name: string;
  kind: string;
  target: string;
  minSeverity: string;
  scopeKind: string | null;
  scopeValue: string | null;
  routeAll: boolean;
  enabled: boolean;
  lastAt: Date | null;
  lastOk: boolean | null;
  lastError: string | null;
};

/** The channels not archived, each with its target as a page may show it and its last delivery attempt. */
export async function listChannels(ctx: Ctx): Promise<ChannelListRow[]> {
  requirePermission(ctx, "app.read");
  const last = ctx.db
    .select({
      channelId: notifications.channelId,
      at: notificationDeliveries.at,
      ok: notificationDeliveries.ok,
      error: notificationDeliveries.error,
      n: sql<number>`row_number() over (partition by ${notifications.channelId} order by ${notificationDeliveries.id} desc)`.as("n"),
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .as("last");
  const rows = await ctx.db
    .select({ c: channels, at: last.at, ok: last.ok, error: last.error })
    .from(channels)
    .leftJoin(last, sql`${last.channelId} = ${channels.id} and ${last.n} = 1`)
    .where(isNull(channels.archivedAt))
    .orderBy(sql`lower(${channels.name})`);
  return rows.map(({ c, at, ok, error }) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    target: targetLabel(c),
    minSeverity: c.minSeverity,
    scopeKind: c.scopeKind,
    scopeValue: c.scopeValue,
    routeAll: c.routeAll,
    enabled: c.enabled,
    lastAt: at,
    lastOk: ok,
    lastError: error,
  }));
}

/** One channel for its edit page (no secret: only whether one is stored) and its last 100 delivery attempts. */
export async function getChannel(ctx: Ctx, id: string) {
  requirePermission(ctx, "channels.manage");
  const [row] = await ctx.db.select().from(channels).where(eq(channels.id, id));
  if (!row) throw new NotFoundError("This channel does not exist.");
  const log = await ctx.db
    .select({
      id: notificationDeliveries.id,
      at: notificationDeliveries.at,
      attempt: notificationDeliveries.attempt,
      ok: notificationDeliveries.ok,
      statusCode: notificationDeliveries.statusCode,
      error: notificationDeliveries.error,
      durationMs: notificationDeliveries.durationMs,
      subject: notifications.subject,
      kind: notifications.kind,
      status: notifications.status,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(eq(notifications.channelId, id))
    .orderBy(desc(notificationDeliveries.id))
    .limit(100);
  const config = (row.config ?? {}) as ChannelConfig;
  return {
    channel: {
      id: row.id,
      name: row.name,
      kind: row.kind,
      recipients: config.recipients ?? [],
      url: row.kind === "webhook" ? (config.url ?? "") : "",
      target: targetLabel(row),
      hasSecret: row.secret !== null,
      minSeverity: row.minSeverity,
      scopeKind: row.scopeKind,
      scopeValue: row.scopeValue,
      routeAll: row.routeAll,
      enabled: row.enabled,
      archivedAt: row.archivedAt,
      version: row.version,
    },
    log,
  };
}

export type ScopeOption = { value: string; label: string; group: string };

/** What a channel's scope can be limited to: "kind:value" for each provider, family, site and team. */
export async function channelScopeOptions(ctx: Ctx): Promise<ScopeOption[]> {
  const o = await getFilterOptions(ctx);
  return [
    ...o.providers.map((p) => ({ value: `provider:${p.value}`, label: p.label, group: "Provider" })),
    ...o.families.map((f) => ({ value: `family:${f.value}`, label: f.label, group: "Accelerator family" })),
    ...o.sites.map((s) => ({ value: `site:${s.value}`, label: s.label, group: "Site" })),
    ...o.teams.map((t) => ({ value: `team:${t.value}`, label: t.path || t.label, group: "Team" })),
  ];
}

/** "Provider CoreWeave", "Any" — a scope as the list shows it. */
export function scopeLabel(kind: string | null, value: string | null, options: ScopeOption[]): string {
  if (!kind || !value) return "Any";
  const found = options.find((o) => o.value === `${kind}:${value}`);
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${found?.label ?? value}`;
}
