import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { channels, notificationDeliveries, notifications } from "@/lib/db/schema";
import type { AlertNotificationPayload } from "@/lib/alerts/types";
import { publicBaseUrl } from "@/lib/env";
import { afterFailure } from "./backoff";
import { claimDue } from "./claim";
import { HttpSendError, postJson } from "./http";
import { renderAlertEmail, slackBody, teamsBody, webhookBody, type MessageKind } from "./render";
import { signatureHeader, SIGNATURE_HEADER } from "./signature";
import { sendMail } from "./smtp";
import { targetOf } from "./targets";

export type DeliverySummary = { sent: number; retrying: number; failed: number };

type Attempt = { ok: true; statusCode: number | null } | { ok: false; statusCode: number | null; error: string; final?: boolean };

/**
 * Sends every notification that is due (pending and its next attempt come, or stuck in `sending`), each claimed
 * atomically so that two app instances send it once. Every attempt is a notification_deliveries row; a failure is
 * retried after 1, 2, 4, 8 minutes and given up as failed after the fifth attempt. `ids` limits it to those rows
 * (Send test).
 */
export async function deliverPending(
  db: Db,
  { now = new Date(), ids }: { now?: Date; ids?: readonly string[] } = {},
): Promise<DeliverySummary> {
  const claimed = await claimDue(db, "notifications", { now, ids });
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return summary;
  const rows = await db
    .select({ n: notifications, c: channels })
    .from(notifications)
    .innerJoin(channels, eq(channels.id, notifications.channelId))
    .where(
      inArray(
        notifications.id,
        claimed.map((c) => c.id),
      ),
    );
  const baseUrl = publicBaseUrl();
  for (const { n, c } of rows) {
    const started = performance.now();
    const attempt = await sendOne(n.kind as MessageKind, n.subject, n.payload as AlertNotificationPayload, c, baseUrl);
    const durationMs = Math.round(performance.now() - started);
    await db.insert(notificationDeliveries).values({
      notificationId: n.id,
      attempt: n.attempts,
      at: now,
      ok: attempt.ok,
      statusCode: attempt.statusCode,
      error: attempt.ok ? null : attempt.error,
      durationMs,
    });
    if (attempt.ok) {
      await db
        .update(notifications)
        .set({ status: "sent", sentAt: now, claimedAt: null, lastError: null })
        .where(eq(notifications.id, n.id));
      summary.sent++;
    } else {
      const next = attempt.final ? ({ status: "failed" } as const) : afterFailure(n.attempts, now);
      await db
        .update(notifications)
        .set({ ...next, claimedAt: null, lastError: attempt.error })
        .where(eq(notifications.id, n.id));
      summary[next.status === "failed" ? "failed" : "retrying"]++;
    }
  }
  return summary;
}

async function sendOne(
  kind: MessageKind,
  subject: string,
  payload: AlertNotificationPayload,
  channel: typeof channels.$inferSelect,
  baseUrl: string | undefined,
): Promise<Attempt> {
  try {
    if (channel.archivedAt) return { ok: false, statusCode: null, error: "The channel is archived.", final: true };
    const target = targetOf(channel);
    switch (target.kind) {
      case "email": {
        const body = renderAlertEmail(subject, payload, baseUrl);
        await sendMail({ to: target.recipients, ...body });
        return { ok: true, statusCode: null };
      }
      case "webhook": {
        const body = webhookBody(kind, payload, baseUrl);
        return {
          ok: true,
          ...(await postJson(target.url, body, { [SIGNATURE_HEADER]: signatureHeader(target.secret, body, new Date()) })),
        };
      }
      case "slack":
        return { ok: true, ...(await postJson(target.url, slackBody(subject, payload, baseUrl))) };
      case "teams":
        return { ok: true, ...(await postJson(target.url, teamsBody(subject, payload, baseUrl))) };
    }
  } catch (error) {
    return {
      ok: false,
      statusCode: error instanceof HttpSendError ? error.statusCode : null,
      error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
    };
  }
}

/** One line for /settings/jobs. */
export function deliveryText(s: DeliverySummary, singular = "notification", plural = `${singular}s`): string {
  const total = s.sent + s.retrying + s.failed;
  if (total === 0) return `No ${singular} was due.`;
  return `${total} ${total === 1 ? singular : plural}: ${s.sent} sent, ${s.retrying} to retry, ${s.failed} failed.`;
}
