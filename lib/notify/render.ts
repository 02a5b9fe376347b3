import type { AlertNotificationPayload, NotificationItem, Severity } from "@/lib/alerts/types";

// One evaluation's alerts for one channel, as each kind of channel takes them. Pure: the deliverer signs and sends.

export type MessageKind = "alerts" | "test";

const SEVERITY_LABEL: Record<Severity, string> = { info: "Info", warning: "Warning", critical: "Critical" };
const EVENT_LABEL: Record<NotificationItem["event"], string> = { fired: "fired", repeated: "still firing", resolved: "resolved" };

/** A path in the app made absolute with the public URL when there is one; left as a path otherwise. */
export function absoluteHref(href: string | null, baseUrl: string | undefined): string | null {
  if (!href) return null;
  if (/^https?:\/\//.test(href)) return href;
  return baseUrl ? `${baseUrl}${href.startsWith("/") ? "" : "/"}${href}` : href;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const itemLine = (i: NotificationItem) => `[${SEVERITY_LABEL[i.severity]}] ${i.title} (${EVENT_LABEL[i.event]}): ${i.summary}`;

export type EmailBody = { subject: string; text: string; html: string };

export function renderAlertEmail(subject: string, payload: AlertNotificationPayload, baseUrl: string | undefined): EmailBody {
  const lines = payload.items.map((i) => {
    const link = absoluteHref(i.href, baseUrl);
    return `- ${itemLine(i)}\n  Rule: ${i.ruleName}${link ? `\n  ${link}` : ""}`;
  });
  const text = [subject, `As of ${payload.asOf}`, "", ...lines, "", "Sent by Headroom."].join("\n");
  const rows = payload.items
    .map((i) => {
      const link = absoluteHref(i.href, baseUrl);
      return `<tr><td style="padding:4px 8px;font-weight:600">${SEVERITY_LABEL[i.severity]}</td><td style="padding:4px 8px">${escapeHtml(i.title)} <em>(${EVENT_LABEL[i.event]})</em><br>${escapeHtml(i.summary)}<br><small>Rule: ${escapeHtml(i.ruleName)}</small>${link ? `<br><a href="${escapeHtml(link)}">Open in Headroom</a>` : ""}</td></tr>`;
    })
    .join("");
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h1 style="font-size:18px">${escapeHtml(subject)}</h1><p>As of ${escapeHtml(payload.asOf)}</p><table style="border-collapse:collapse">${rows}</table><p><small>Sent by Headroom.</small></p></body></html>`;
  return { subject, text, html };
}

/** The webhook's JSON: `{ type, evaluationId, asOf, items }`, items with absolute links. */
export function webhookBody(kind: MessageKind, payload: AlertNotificationPayload, baseUrl: string | undefined): string {
  return JSON.stringify({
    type: kind === "test" ? "headroom.test" : "headroom.alerts",
    evaluationId: payload.evaluationId,
    asOf: payload.asOf,
    items: payload.items.map((i) => ({ ...i, href: absoluteHref(i.href, baseUrl) })),
  });
}

const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming webhook's `{ text, blocks }` in mrkdwn (text is the fallback of notifications). */
export function slackBody(subject: string, payload: AlertNotificationPayload, baseUrl: string | undefined): string {
  const blocks = [
    { type: "header", text: { type: "plain_text", text: subject.slice(0, 150) } },
    ...payload.items.slice(0, 45).map((i) => {
      const link = absoluteHref(i.href, baseUrl);
      const title = link && /^https?:/.test(link) ? `<${link}|${slackEscape(i.title)}>` : slackEscape(i.title);
      return {
        type: "section",
        text: { type: "mrkdwn", text: `*${SEVERITY_LABEL[i.severity]}* · ${title} (${EVENT_LABEL[i.event]})\n${slackEscape(i.summary)}` },
      };
    }),
    { type: "context", elements: [{ type: "mrkdwn", text: `As of ${payload.asOf} · Headroom` }] },
  ];
  return JSON.stringify({ text: `${subject}\n${payload.items.map(itemLine).join("\n")}`, blocks });
}

const THEME: Record<Severity, string> = { info: "0078D7", warning: "FFB900", critical: "D13438" };

/** A Teams (Office 365 connector / Workflows) incoming webhook's MessageCard, with `text` for the simplest receivers. */
export function teamsBody(subject: string, payload: AlertNotificationPayload, baseUrl: string | undefined): string {
  const worst = payload.items.reduce<Severity>(
    (w, i) => (i.severity === "critical" || (i.severity === "warning" && w === "info") ? i.severity : w),
    "info",
  );
  return JSON.stringify({
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: subject,
    themeColor: THEME[worst],
    title: subject,
    text: payload.items
      .map((i) => {
        const link = absoluteHref(i.href, baseUrl);
        return `**${SEVERITY_LABEL[i.severity]}** · ${i.title} (${EVENT_LABEL[i.event]}): ${i.summary}${link ? ` [Open](${link})` : ""}`;
      })
      .join("\n\n"),
    sections: [
      {
        facts: [
          { name: "As of", value: payload.asOf },
          { name: "Alerts", value: String(payload.items.length) },
        ],
      },
    ],
  });
}

/** The message a channel's Send test delivers: one info item saying so. */
export function testPayload(channelName: string, now: Date): AlertNotificationPayload {
  return {
    evaluationId: 0,
    asOf: now.toISOString(),
    items: [
      {
        alertId: "test",
        ruleId: "test",
        ruleName: "Test message",
        ruleKind: "test",
        severity: "info",
        event: "fired",
        title: `Test message for channel ${channelName}`,
        summary: "If you can read this, Headroom can deliver alerts to this channel.",
        href: "/alerts/channels",
        firstFiredAt: now.toISOString(),
        scope: {},
        detail: {},
      },
    ],
  };
}
