import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { alertEvaluations, alertEvents, alertRuleChannels, alertRules, alerts, channels, notifications } from "@/lib/db/schema";
import { systemCtx } from "@/lib/services/system-actor";
import { withEvaluatorLock } from "./lock";
import { isMuted, notificationSubject, repeatDue, routeItems } from "./routing";
import { ruleKind, type Finding } from "./rules";
import type { AlertNotificationPayload, AlertScope, NotificationItem, ScopeKind, Severity } from "./types";

export type EvaluationTrigger = "schedule" | "data" | "manual" | "cli";

export type EvaluateOptions = {
  /** The instant the rules are evaluated as of (default now): past ones for tests and backfills. */
  asOf?: Date;
  trigger: EvaluationTrigger;
  requestedBy?: string | null;
};

type Rule = typeof alertRules.$inferSelect;
type Alert = typeof alerts.$inferSelect;

export type EvaluatedAlert = {
  alertId: string;
  ruleId: string;
  ruleName: string;
  ruleKind: string;
  severity: Severity;
  title: string;
  summary: string;
  href: string | null;
  scope: AlertScope;
  firstFiredAt: Date;
  muted: boolean;
};

export type EvaluationResult = {
  evaluationId: number;
  asOf: Date;
  fired: EvaluatedAlert[];
  repeated: EvaluatedAlert[];
  resolved: EvaluatedAlert[];
  /** Everything firing after this evaluation (fired included). */
  firing: EvaluatedAlert[];
  /** Rules whose kind failed: their alerts were left as they were. */
  errors: { ruleId: string; ruleName: string; message: string }[];
  /** notifications rows written (one per channel with something to send). */
  notifications: number;
};

const summaryOf = (a: Pick<Alert, "detail">) => {
  const s = (a.detail as { summary?: unknown } | null)?.summary;
  return typeof s === "string" ? s : "";
};

function view(rule: Rule, a: Alert, asOf: Date): EvaluatedAlert {
  return {
    alertId: a.id,
    ruleId: rule.id,
    ruleName: rule.name,
    ruleKind: rule.kind,
    severity: a.severity as Severity,
    title: a.title,
    summary: summaryOf(a),
    href: a.href,
    scope: a.scope as AlertScope,
    firstFiredAt: a.firstFiredAt,
    muted: isMuted(rule, asOf),
  };
}

/** Each enabled rule's findings at asOf; a kind that throws leaves its rule's alerts as they are. */
async function findAll(db: Db, rules: readonly Rule[], asOf: Date) {
  const ctx = systemCtx(db, "alerts");
  const found = new Map<string, Finding[]>();
  const errors: EvaluationResult["errors"] = [];
  for (const rule of rules) {
    const kind = ruleKind(rule.kind);
    try {
      if (!kind) throw new Error(`Unknown rule kind ${rule.kind}.`);
      const params = kind.params.parse(rule.params);
      const input = {
        id: rule.id,
        name: rule.name,
        severity: rule.severity as Severity,
        scopeKind: rule.scopeKind as ScopeKind | null,
        scopeValue: rule.scopeValue,
        params,
      };
      found.set(rule.id, await kind.evaluate(ctx, input, asOf));
    } catch (error) {
      errors.push({ ruleId: rule.id, ruleName: rule.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { found, errors };
}

function item(rule: Rule, a: EvaluatedAlert, event: NotificationItem["event"], detail: unknown): NotificationItem {
  return {
    alertId: a.alertId,
    ruleId: rule.id,
    ruleName: rule.name,
    ruleKind: rule.kind,
    severity: a.severity,
    event,
    title: a.title,
    summary: a.summary,
    href: a.href,
    firstFiredAt: a.firstFiredAt.toISOString(),
    scope: a.scope,
    detail: (detail ?? {}) as Record<string, unknown>,
  };
}

/** The state change of one evaluation, in one transaction under the evaluator lock. */
async function applyFindings(
  tx: Tx,
  evaluationId: number,
  asOf: Date,
  rules: readonly Rule[],
  found: Map<string, Finding[]>,
): Promise<Omit<EvaluationResult, "evaluationId" | "asOf" | "errors">> {
  const result = {
    fired: [] as EvaluatedAlert[],
    repeated: [] as EvaluatedAlert[],
    resolved: [] as EvaluatedAlert[],
    firing: [] as EvaluatedAlert[],
  };
  const items: NotificationItem[] = [];
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const open = await tx.select().from(alerts).where(eq(alerts.status, "firing"));
  const openByKey = new Map(open.map((a) => [`${a.ruleId}/${a.subjectKey}`, a]));
  const event = (alertId: string, kind: "fired" | "repeated" | "resolved", detail: Record<string, unknown> | null = null) =>
    tx.insert(alertEvents).values({ alertId, event: kind, at: asOf, evaluationId, detail });

  for (const [ruleId, findings] of found) {
    const rule = ruleById.get(ruleId)!;
    const muted = isMuted(rule, asOf);
    const seen = new Set<string>();
    for (const f of findings) {
      if (seen.has(f.subjectKey)) continue;
      seen.add(f.subjectKey);
      const detail = { ...f.detail, summary: f.summary };
      const before = openByKey.get(`${ruleId}/${f.subjectKey}`);
      if (!before) {
        const [created] = await tx
          .insert(alerts)
          .values({
            ruleId,
            subjectKey: f.subjectKey,
            status: "firing",
            severity: rule.severity,
            title: f.title,
            detail,
            href: f.href,
            scope: f.scope,
            firstFiredAt: asOf,
            lastSeenAt: asOf,
            lastNotifiedAt: muted ? null : asOf,
            firedEvaluationId: evaluationId,
          })
          .onConflictDoNothing()
          .returning();
        if (!created) continue;
        await event(created.id, "fired", { summary: f.summary, muted });
        const v = view(rule, created, asOf);
        result.fired.push(v);
        result.firing.push(v);
        if (!muted) items.push(item(rule, v, "fired", f.detail));
        continue;
      }
      openByKey.delete(`${ruleId}/${f.subjectKey}`);
      const due = repeatDue(before, rule, asOf);
      const [after] = await tx
        .update(alerts)
        .set({
          lastSeenAt: asOf,
          severity: rule.severity,
          title: f.title,
          detail,
          href: f.href,
          scope: f.scope,
          ...(due ? { lastNotifiedAt: asOf } : {}),
        })
        .where(eq(alerts.id, before.id))
        .returning();
      const v = view(rule, after!, asOf);
      result.firing.push(v);
      if (due) {
        await event(before.id, "repeated", { summary: f.summary });
        result.repeated.push(v);
        items.push(item(rule, v, "repeated", f.detail));
      }
    }
  }

  // What is left open either stopped firing (its rule was evaluated) or lost its rule (disabled, archived).
  for (const a of openByKey.values()) {
    const rule = ruleById.get(a.ruleId);
    if (rule && !found.has(a.ruleId)) {
      result.firing.push(view(rule, a, asOf)); // its kind failed this time: left as it was
      continue;
    }
    const [after] = await tx
      .update(alerts)
      .set({ status: "resolved", resolvedAt: asOf, resolvedEvaluationId: evaluationId })
      .where(and(eq(alerts.id, a.id), eq(alerts.status, "firing")))
      .returning();
    if (!after) continue;
    const reason = rule ? "no longer true" : "rule disabled or archived";
    await event(a.id, "resolved", { reason });
    if (!rule) continue;
    const v = view(rule, after, asOf);
    result.resolved.push(v);
    if (!v.muted && a.lastNotifiedAt !== null) items.push(item(rule, v, "resolved", a.detail));
  }

  return { ...result, notifications: await notify(tx, evaluationId, asOf, items) };
}

/** One notifications row per channel with something to send, its items routed by rule, severity and scope. */
async function notify(tx: Tx, evaluationId: number, asOf: Date, items: NotificationItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const [targets, links] = await Promise.all([
    tx
      .select()
      .from(channels)
      .where(and(eq(channels.enabled, true), isNull(channels.archivedAt))),
    tx
      .select()
      .from(alertRuleChannels)
      .where(
        inArray(
          alertRuleChannels.ruleId,
          items.map((i) => i.ruleId),
        ),
      ),
  ]);
  const byRule = new Map<string, Set<string>>();
  for (const l of links) byRule.set(l.ruleId, (byRule.get(l.ruleId) ?? new Set()).add(l.channelId));
  const routed = routeItems(targets, items, byRule);
  let written = 0;
  for (const [channelId, mine] of routed) {
    const payload: AlertNotificationPayload = { evaluationId, asOf: asOf.toISOString(), items: mine };
    const rows = await tx
      .insert(notifications)
      .values({ channelId, kind: "alerts", evaluationId, subject: notificationSubject(mine), payload, status: "pending" })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    written += rows.length;
  }
  return written;
}

/**
 * Evaluates every enabled rule as of `asOf` and records what changed: a new finding fires (an alerts row and a
 * 'fired' event), one still true is seen again (and 'repeated' when its rule's repeat interval has passed), one gone
 * is resolved. The findings are computed outside any lock; the state change runs under the evaluator lock, so two
 * instances evaluating at once record and notify each alert once (the unique index alerts_open_key backs it).
 * Muted rules' alerts are recorded and notify nobody. Writes one pending notifications row per channel; delivery is
 * lib/notify's.
 */
export async function evaluateAlerts(db: Db, options: EvaluateOptions): Promise<EvaluationResult> {
  const asOf = options.asOf ?? new Date();
  const dataVersion = await readDataVersion(db);
  const [evaluation] = await db
    .insert(alertEvaluations)
    .values({ asOf, trigger: options.trigger, dataVersion, requestedBy: options.requestedBy ?? null })
    .returning({ id: alertEvaluations.id });
  const evaluationId = evaluation!.id;
  try {
    const all = await db.select().from(alertRules);
    const active = all.filter((r) => r.enabled && r.archivedAt === null);
    const { found, errors } = await findAll(db, active, asOf);
    const applied = await withEvaluatorLock(db, (tx) => applyFindings(tx, evaluationId, asOf, active, found));
    await db
      .update(alertEvaluations)
      .set({
        finishedAt: new Date(),
        fired: applied.fired.length,
        resolved: applied.resolved.length,
        firing: applied.firing.length,
        error:
          errors.length > 0
            ? errors
                .map((e) => `${e.ruleName}: ${e.message}`)
                .join("; ")
                .slice(0, 2000)
            : null,
      })
      .where(eq(alertEvaluations.id, evaluationId));
    return { evaluationId, asOf, ...applied, errors };
  } catch (error) {
    await db
      .update(alertEvaluations)
      .set({ finishedAt: new Date(), error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) })
      .where(eq(alertEvaluations.id, evaluationId));
    throw error;
  }
}
