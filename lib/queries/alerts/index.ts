import { and, asc, count, desc, eq, gte, inArray, isNull, max } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import {
  alertEvaluations,
  alertEvents,
  alertRuleChannels,
  alertRules,
  alerts,
  channels,
  providers,
  sites,
  teams,
  users,
} from "@/lib/db/schema";
import type { AlertScope, Severity } from "@/lib/alerts/types";
import { SEVERITY_RANK } from "@/lib/alerts/types";
import { ruleKind } from "@/lib/alerts/rules";

export type FiringAlert = {
  id: string;
  ruleId: string;
  ruleName: string;
  ruleKind: string;
  ownerId: string | null;
  severity: Severity;
  title: string;
  summary: string;
  href: string | null;
  scope: AlertScope;
  /** The scope as people read it: "Abilene", "AWS", "family H100", "team Research". */
  scopeText: string;
  firstFiredAt: Date;
  lastSeenAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  mutedUntil: Date | null;
};

const summaryOf = (detail: unknown) => {
  const s = (detail as { summary?: unknown } | null)?.summary;
  return typeof s === "string" ? s : "";
};

/** Names of the providers, sites and teams alerts are scoped to, by id. */
async function scopeNames(ctx: Ctx, scopes: readonly AlertScope[]): Promise<Map<string, string>> {
  const ids = (k: "provider" | "site" | "team") => [...new Set(scopes.flatMap((s) => (s[k] ? [s[k]] : [])))];
  const [p, s, t] = [ids("provider"), ids("site"), ids("team")];
  const found = await Promise.all([
    p.length ? ctx.db.select({ id: providers.id, name: providers.name }).from(providers).where(inArray(providers.id, p)) : [],
    s.length ? ctx.db.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, s)) : [],
    t.length ? ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, t)) : [],
  ]);
  return new Map(found.flat().map((r) => [r.id, r.name]));
}

/** "Abilene · family H100": the site, provider and team by name, the family as such; "all" when unscoped. */
export function scopeText(scope: AlertScope, names: ReadonlyMap<string, string>): string {
  const parts = [
    scope.site ? (names.get(scope.site) ?? "a site") : null,
    scope.provider ? (names.get(scope.provider) ?? "a provider") : null,
    scope.family ? `family ${scope.family}` : null,
    scope.team ? `team ${names.get(scope.team) ?? "?"}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "all";
}

/** What is firing now: most severe first, then newest. */
export async function listFiringAlerts(ctx: Ctx): Promise<FiringAlert[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select({ alert: alerts, rule: alertRules, ackBy: users.email })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .leftJoin(users, eq(users.id, alerts.acknowledgedBy))
    .where(eq(alerts.status, "firing"))
    .orderBy(desc(alerts.firstFiredAt), asc(alerts.id));
  const names = await scopeNames(
    ctx,
    rows.map((r) => r.alert.scope as AlertScope),
  );
  return rows
    .map(({ alert: a, rule, ackBy }) => ({
      id: a.id,
      ruleId: rule.id,
      ruleName: rule.name,
      ruleKind: rule.kind,
      ownerId: rule.ownerId,
      severity: a.severity as Severity,
      title: a.title,
      summary: summaryOf(a.detail),
      href: a.href,
      scope: a.scope as AlertScope,
      scopeText: scopeText(a.scope as AlertScope, names),
      firstFiredAt: a.firstFiredAt,
      lastSeenAt: a.lastSeenAt,
      acknowledgedAt: a.acknowledgedAt,
      acknowledgedBy: ackBy,
      mutedUntil: rule.mutedUntil,
    }))
    .sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity]);
}

export type InboxAlert = Pick<FiringAlert, "id" | "ruleName" | "severity" | "title" | "summary" | "href"> & {
  firstFiredAt: string;
  owned: boolean;
};

/** The bell: unacknowledged firing alerts, those of rules the user owns first, then by severity and age. */
export async function getInbox(ctx: Ctx): Promise<{ count: number; alerts: InboxAlert[] }> {
  const firing = (await listFiringAlerts(ctx)).filter((a) => a.acknowledgedAt === null);
  const me = ctx.actor.kind === "user" ? ctx.actor.id : null;
  const list = firing
    .map((a) => ({
      id: a.id,
      ruleName: a.ruleName,
      severity: a.severity,
      title: a.title,
      summary: a.summary,
      href: a.href,
      firstFiredAt: a.firstFiredAt.toISOString(),
      owned: me !== null && a.ownerId === me,
    }))
    .sort((x, y) => Number(y.owned) - Number(x.owned) || SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity]);
  return { count: list.length, alerts: list.slice(0, 50) };
}

export type HistoryRow = {
  id: number;
  at: Date;
  event: string;
  alertId: string;
  ruleName: string;
  severity: Severity;
  title: string;
  summary: string;
  href: string | null;
  by: string | null;
};

export const HISTORY_PAGE_SIZE = 50;

function historyQuery(ctx: Ctx) {
  return ctx.db
    .select({ e: alertEvents, a: alerts, ruleName: alertRules.name, by: users.email })
    .from(alertEvents)
    .innerJoin(alerts, eq(alerts.id, alertEvents.alertId))
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .leftJoin(users, eq(users.id, alertEvents.userId));
}

function historyRow(r: Awaited<ReturnType<ReturnType<typeof historyQuery>["execute"]>>[number]): HistoryRow {
  return {
    id: r.e.id,
    at: r.e.at,
    event: r.e.event,
    alertId: r.a.id,
    ruleName: r.ruleName,
    severity: r.a.severity as Severity,
    title: r.a.title,
    summary: summaryOf(r.e.detail) || summaryOf(r.a.detail),
    href: r.a.href,
    by: r.by,
  };
}

/** The firing/resolved history: fired, repeated, acknowledged and resolved events, newest first, a page at a time. */
export async function getAlertHistory(ctx: Ctx, page: number, pageSize = HISTORY_PAGE_SIZE) {
  requirePermission(ctx, "app.read");
  const [[total], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(alertEvents),
    historyQuery(ctx)
      .orderBy(desc(alertEvents.at), desc(alertEvents.id))
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows: rows.map(historyRow), total: n, page: Math.max(1, page), pageCount: Math.max(1, Math.ceil(n / pageSize)) };
}

/** Every history row, newest first, a batch at a time (the CSV export). */
export async function* alertHistoryRows(ctx: Ctx, batch = 1000): AsyncGenerator<HistoryRow> {
  requirePermission(ctx, "app.read");
  for (let offset = 0; ; offset += batch) {
    const rows = await historyQuery(ctx).orderBy(desc(alertEvents.at), desc(alertEvents.id)).limit(batch).offset(offset);
    for (const r of rows) yield historyRow(r);
    if (rows.length < batch) return;
  }
}

/** Alerts resolved since `since`, newest first (the read API's recent history). */
export async function listResolvedSince(ctx: Ctx, since: Date, limit = 200) {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select({ alert: alerts, rule: alertRules })
    .from(alerts)
    .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
    .where(and(eq(alerts.status, "resolved"), gte(alerts.resolvedAt, since)))
    .orderBy(desc(alerts.resolvedAt))
    .limit(limit);
  return rows.map(({ alert: a, rule }) => ({ ...a, summary: summaryOf(a.detail), ruleName: rule.name, ruleKind: rule.kind }));
}

export type RuleListRow = typeof alertRules.$inferSelect & {
  kindLabel: string;
  ownerEmail: string | null;
  channelNames: string[];
  lastFiredAt: Date | null;
  firing: number;
};

/** The rules (active, or archived), by name: kind, owner, channels, last fired and how many alerts are firing. */
export async function listAlertRules(ctx: Ctx, archived = false): Promise<RuleListRow[]> {
  requirePermission(ctx, "app.read");
  const rules = await ctx.db
    .select({ rule: alertRules, ownerEmail: users.email })
    .from(alertRules)
    .leftJoin(users, eq(users.id, alertRules.ownerId))
    .where(archived ? undefined : isNull(alertRules.archivedAt))
    .orderBy(asc(alertRules.name));
  const ids = rules.map((r) => r.rule.id);
  if (ids.length === 0) return [];
  const [links, fired] = await Promise.all([
    ctx.db
      .select({ ruleId: alertRuleChannels.ruleId, name: channels.name })
      .from(alertRuleChannels)
      .innerJoin(channels, eq(channels.id, alertRuleChannels.channelId))
      .where(inArray(alertRuleChannels.ruleId, ids))
      .orderBy(asc(channels.name)),
    ctx.db
      .select({ ruleId: alerts.ruleId, last: max(alerts.firstFiredAt), status: alerts.status, n: count() })
      .from(alerts)
      .where(inArray(alerts.ruleId, ids))
      .groupBy(alerts.ruleId, alerts.status),
  ]);
  return rules
    .filter((r) => (archived ? r.rule.archivedAt !== null : true))
    .map(({ rule, ownerEmail }) => {
      const mine = fired.filter((f) => f.ruleId === rule.id);
      const last = mine.map((f) => f.last).filter((d): d is Date => d !== null);
      return {
        ...rule,
        kindLabel: ruleKind(rule.kind)?.label ?? rule.kind,
        ownerEmail,
        channelNames: links.filter((l) => l.ruleId === rule.id).map((l) => l.name),
        lastFiredAt: last.length ? new Date(Math.max(...last.map((d) => new Date(d).getTime()))) : null,
        firing: Number(mine.find((f) => f.status === "firing")?.n ?? 0),
      };
    });
}

export async function getAlertRule(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [rule] = await ctx.db.select().from(alertRules).where(eq(alertRules.id, id));
  if (!rule) return null;
  const links = await ctx.db.select({ id: alertRuleChannels.channelId }).from(alertRuleChannels).where(eq(alertRuleChannels.ruleId, id));
  return { ...rule, channelIds: links.map((l) => l.id) };
}

export async function lastEvaluation(ctx: Ctx) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db.select().from(alertEvaluations).orderBy(desc(alertEvaluations.startedAt)).limit(1);
  return row ?? null;
}
