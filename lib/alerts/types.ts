// The shapes the alert evaluator (lib/alerts) hands to the notifier (lib/notify): one notifications row per
// evaluation and channel, its payload an AlertNotificationPayload.

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rank for routing: a channel with minSeverity "warning" takes warning and critical. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export const SCOPE_KINDS = ["provider", "family", "site", "team"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** What an alert is about, for routing and the inbox: ids for provider/site/team, the family's name. */
export type AlertScope = Partial<Record<ScopeKind, string>>;

export type AlertEventKind = "fired" | "repeated" | "resolved";

/** One alert in a message. `summary` is one sentence with its figures ("Runway of H100 is 2026-09, 3 months away (rule: < 6 months)"). */
export type NotificationItem = {
  alertId: string;
  ruleId: string;
  ruleName: string;
  ruleKind: string;
  severity: Severity;
  event: AlertEventKind;
  title: string;
  summary: string;
  /** Path in the app (made absolute by the notifier with NEXTAUTH_URL when set). */
  href: string | null;
  firstFiredAt: string;
  scope: AlertScope;
  /** The figures behind it, as the rule kind shapes them (value, threshold, unit, drivers…). */
  detail: Record<string, unknown>;
};

export type AlertNotificationPayload = {
  evaluationId: number;
  /** ISO time the evaluation was as of. */
  asOf: string;
  items: NotificationItem[];
};

/** What "Evaluate now" tells the page. */
export type EvaluateNowResult = {
  evaluationId: number;
  fired: { title: string; summary: string; severity: string }[];
  resolved: number;
  firing: number;
  notifications: number;
  /** What the notifications written came to when sent at once ("2 notifications: 2 sent, …"), null when none. */
  delivered: string | null;
  errors: string[];
};
