import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { archivedAt, id, timestamps } from "./common";
import { reports, sharedReports } from "./sharing";

// Watch: alert rules over Headroom's own answers, the channels they notify, what fired and what was delivered, and
// saved reports mailed on a schedule (PRODUCT.md §2 budgets, alert_rules, channels, notifications, report_schedules).

/** Settings an admin changes at run time (key → JSON value), e.g. `alerts.evaluate_every_minutes`. */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text(),
});

/**
 * Where notifications go. kind: email (config.recipients), webhook (config.url; JSON signed with HMAC-SHA256 by
 * `secret`), slack or teams (an incoming-webhook URL, itself a secret). `secret`: AES-256-GCM with HEADROOM_SECRET_KEY
 * (lib/connectors/secrets.ts), never read back to a page. Routing: a channel takes the alerts of the rules that name
 * it, and with `routeAll` every rule's, at `minSeverity` or above and within its scope (null = any).
 */
export const channels = pgTable(
  "channels",
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(),
    config: jsonb().notNull().default({}),
    secret: text(),
    minSeverity: text().notNull().default("info"),
    scopeKind: text(),
    scopeValue: text(),
    routeAll: boolean().notNull().default(false),
    enabled: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("channels_active_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    check("channels_kind", sql`${t.kind} in ('email', 'webhook', 'slack', 'teams')`),
    check("channels_min_severity", sql`${t.minSeverity} in ('info', 'warning', 'critical')`),
    check("channels_scope", sql`(${t.scopeKind} is null) = (${t.scopeValue} is null)`),
  ],
);

/**
 * A condition over the functions the pages use (lib/alerts/rules): kind names it, params holds its thresholds
 * (validated by the kind's zod schema). Scope narrows it to a provider, family, site or team (null = all).
 * repeatMinutes: how often a still-firing alert is sent again (null = once); mutedUntil: fires and is recorded, but
 * notifies nobody before then.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(),
    params: jsonb().notNull().default({}),
    severity: text().notNull().default("warning"),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    scopeKind: text(),
    scopeValue: text(),
    repeatMinutes: integer(),
    mutedUntil: timestamp({ withTimezone: true }),
    enabled: boolean().notNull().default(true),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("alert_rules_active_name_key")
      .on(sql`lower(${t.name})`)
      .where(sql`${t.archivedAt} is null`),
    check("alert_rules_severity", sql`${t.severity} in ('info', 'warning', 'critical')`),
    check("alert_rules_scope_kind", sql`${t.scopeKind} is null or ${t.scopeKind} in ('provider', 'family', 'site', 'team')`),
    check("alert_rules_scope", sql`(${t.scopeKind} is null) = (${t.scopeValue} is null)`),
    check("alert_rules_repeat", sql`${t.repeatMinutes} is null or ${t.repeatMinutes} > 0`),
  ],
);

export const alertRuleChannels = pgTable(
  "alert_rule_channels",
  {
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.channelId] }), index("alert_rule_channels_channel_idx").on(t.channelId)],
);

/** One run of the evaluator: as of when, why (schedule, import, register, manual, cli), what it found. */
export const alertEvaluations = pgTable(
  "alert_evaluations",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    asOf: timestamp({ withTimezone: true }).notNull(),
    trigger: text().notNull(),
    /** data_version when it ran: the scheduled tick skips an evaluation when nothing changed and it is not yet due. */
    dataVersion: bigint({ mode: "number" }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    fired: integer().notNull().default(0),
    resolved: integer().notNull().default(0),
    firing: integer().notNull().default(0),
    error: text(),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("alert_evaluations_started_idx").on(t.startedAt)],
);

/**
 * One subject of a rule that fired (a rule can fire for many: each site, each contract…), from firing to resolved.
 * At most one open (status firing) per rule and subject: the unique index is what makes two evaluators racing on one
 * database record (and so notify) each alert once.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: id(),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    subjectKey: text().notNull(),
    status: text().notNull(),
    severity: text().notNull(),
    title: text().notNull(),
    /** The figures behind it (value, threshold, against what, drivers), as the rule kind shapes them. */
    detail: jsonb().notNull().default({}),
    /** Where to look in the app (a path). */
    href: text(),
    /** Scope tags for the inbox and routing: {provider?, family?, site?, team?}. */
    scope: jsonb().notNull().default({}),
    firstFiredAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastNotifiedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    firedEvaluationId: bigint({ mode: "number" }),
    resolvedEvaluationId: bigint({ mode: "number" }),
  },
  (t) => [
    uniqueIndex("alerts_open_key")
      .on(t.ruleId, t.subjectKey)
      .where(sql`${t.status} = 'firing'`),
    index("alerts_status_idx").on(t.status, t.firstFiredAt),
    check("alerts_status", sql`${t.status} in ('firing', 'resolved')`),
    check("alerts_severity", sql`${t.severity} in ('info', 'warning', 'critical')`),
  ],
);

/** The history: each alert's fired, repeated, acknowledged, resolved, muted events. */
export const alertEvents = pgTable(
  "alert_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    alertId: uuid()
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    event: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    evaluationId: bigint({ mode: "number" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    detail: jsonb(),
  },
  (t) => [
    index("alert_events_alert_idx").on(t.alertId, t.at),
    index("alert_events_at_idx").on(t.at),
    check("alert_events_event", sql`${t.event} in ('fired', 'repeated', 'acknowledged', 'resolved')`),
  ],
);

/**
 * One message to one channel: an evaluation's fired/repeated/resolved alerts grouped (kind 'alerts'), or a test.
 * Sent by the deliverer with retries (attempts, nextAttemptAt); each attempt is a notification_deliveries row.
 * status: pending → sending (claimed) → sent | failed (gave up after the last retry).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    channelId: uuid()
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    kind: text().notNull().default("alerts"),
    evaluationId: bigint({ mode: "number" }),
    subject: text().notNull(),
    payload: jsonb().notNull(),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_evaluation_channel_key")
      .on(t.evaluationId, t.channelId)
      .where(sql`${t.evaluationId} is not null`),
    index("notifications_due_idx").on(t.status, t.nextAttemptAt),
    index("notifications_channel_idx").on(t.channelId, t.createdAt),
    check("notifications_status", sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);

/** The delivery log: each attempt at a notification or a scheduled report, its outcome and timing. */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: uuid().references(() => notifications.id, { onDelete: "cascade" }),
    reportDeliveryId: uuid().references(() => reportDeliveries.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    ok: boolean().notNull(),
    statusCode: integer(),
    error: text(),
    durationMs: integer(),
  },
  (t) => [
    index("notification_deliveries_notification_idx").on(t.notificationId, t.at),
    index("notification_deliveries_report_idx").on(t.reportDeliveryId, t.at),
    check("notification_deliveries_target", sql`num_nonnulls(${t.notificationId}, ${t.reportDeliveryId}) = 1`),
  ],
);

/**
 * A saved report mailed on a schedule: weekly (weekday 0 = Sunday … 6, hour) or monthly (dayOfMonth 1–28, hour), in
 * a named IANA time zone; sections chosen as CSV attachments; each delivery makes a fresh share link that expires
 * after linkDays.
 */
export const reportSchedules = pgTable(
  "report_schedules",
  {
    id: id(),
    reportId: uuid()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    cadence: text().notNull(),
    weekday: integer(),
    dayOfMonth: integer(),
    hour: integer().notNull(),
    timeZone: text().notNull(),
    recipients: jsonb().notNull(),
    csvSections: jsonb().notNull().default([]),
    linkDays: integer().notNull().default(14),
    enabled: boolean().notNull().default(true),
    nextRunAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("report_schedules_report_idx").on(t.reportId),
    index("report_schedules_next_run_idx").on(t.nextRunAt),
    check("report_schedules_cadence", sql`${t.cadence} in ('weekly', 'monthly')`),
    check(
      "report_schedules_when",
      sql`case ${t.cadence} when 'weekly' then ${t.weekday} between 0 and 6 and ${t.dayOfMonth} is null else ${t.dayOfMonth} between 1 and 28 and ${t.weekday} is null end`,
    ),
    check("report_schedules_hour", sql`${t.hour} between 0 and 23`),
    check("report_schedules_link_days", sql`${t.linkDays} between 1 and 365`),
  ],
);

/** One scheduled send of a report: unique per schedule and due time, so two instances mail it once. */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: id(),
    scheduleId: uuid()
      .notNull()
      .references(() => reportSchedules.id, { onDelete: "cascade" }),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    shareId: uuid().references(() => sharedReports.id, { onDelete: "set null" }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("report_deliveries_schedule_due_key").on(t.scheduleId, t.dueAt),
    index("report_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    check("report_deliveries_status", sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);
