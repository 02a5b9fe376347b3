import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { AlertNotificationPayload } from "@/lib/alerts/types";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, channels, notificationDeliveries, notifications } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { getChannel, listChannels } from "@/lib/queries/alerts/channels";
import { archiveChannel } from "@/lib/services/channels/archive";
import { createChannel } from "@/lib/services/channels/create";
import { testChannel } from "@/lib/services/channels/test";
import { updateChannel } from "@/lib/services/channels/update";
import { systemCtx } from "@/lib/services/system-actor";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { startSmtp, type SmtpReceiver } from "@/lib/testing/smtp";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { deliverPending } from "./deliver";
import { verifySignature } from "./signature";

process.env.HEADROOM_SECRET_KEY = randomBytes(32).toString("base64");
process.env.NEXTAUTH_URL = "https://headroom.example.com";

let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Headroom <alerts@headroom.example.com>";
});
afterAll(() => smtp?.stop());

let evaluation = 1000;
function payload(): AlertNotificationPayload {
  const at = "2026-12-07T08:00:00.000Z";
  return {
    evaluationId: ++evaluation,
    asOf: at,
    items: [
      {
        alertId: "a1",
        ruleId: "r1",
        ruleName: "H100 runway",
        ruleKind: "runway",
        severity: "critical",
        event: "fired",
        title: "Runway of H100 under 6 months",
        summary: "Runway of H100 is 2027-03, 3 months away (rule: < 6 months)",
        href: "/capacity?family=H100",
        firstFiredAt: at,
        scope: { family: "H100" },
        detail: { value: 3, threshold: 6 },
      },
      {
        alertId: "a2",
        ruleId: "r2",
        ruleName: "Spend over budget",
        ruleKind: "budget",
        severity: "warning",
        event: "repeated",
        title: "Team Vision at 112% of its Q4 budget",
        summary: "Vision spent $1,120,000 of $1,000,000 (112%)",
        href: "/budgets",
        firstFiredAt: at,
        scope: { team: "t1" },
        detail: { value: 1.12 },
      },
    ],
  };
}

async function pending(handle: DbHandle, channelId: string, subject = "2 alerts: 1 critical, 1 warning") {
  const p = payload();
  const [row] = await handle.db
    .insert(notifications)
    .values({ channelId, evaluationId: p.evaluationId, subject, payload: p, nextAttemptAt: new Date("2026-12-07T08:00:00Z") })
    .returning();
  return row!;
}

const T0 = new Date("2026-12-07T08:00:30Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeOnEachEngine("notification delivery", (engine) => {
  let handle: DbHandle;
  let admin: Ctx;
  let hook: WebhookReceiver;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    admin = systemCtx(handle.db, "admin@example.com");
    hook = await startWebhookReceiver({ secret: "whsec_test_secret_0123456789" });
  });
  afterAll(async () => {
    await hook?.stop();
    await handle?.close();
  });

  it("mails an evaluation's alerts to an email channel's recipients, with the figures in text and HTML", async () => {
    const { channel, secret } = await createChannel({
      ctx: admin,
      input: { name: `Ops mail ${engine}`, kind: "email", recipients: "ops@example.com, CFO@example.com", minSeverity: "warning" },
    });
    expect(secret).toBeNull();
    const n = await pending(handle, channel.id, `Headroom ${engine}: 2 alerts`);
    const summary = await deliverPending(handle.db, { now: T0 });
    expect(summary.sent).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor((m) => m.subject === `Headroom ${engine}: 2 alerts`);
    expect(mail.to.sort()).toEqual(["cfo@example.com", "ops@example.com"]);
    expect(mail.from).toBe("alerts@headroom.example.com");
    expect(mail.text).toContain("Runway of H100 is 2027-03, 3 months away (rule: < 6 months)");
    expect(mail.text).toContain("[Critical] Runway of H100 under 6 months");
    expect(mail.text).toContain("https://headroom.example.com/capacity?family=H100");
    expect(mail.html).toContain("Vision spent $1,120,000 of $1,000,000 (112%)");
    expect(mail.html).toContain('href="https://headroom.example.com/budgets"');
    const [after] = await handle.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(after).toMatchObject({ status: "sent", attempts: 1 });
    const log = await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, n.id));
    expect(log).toMatchObject([{ attempt: 1, ok: true }]);
  });

  it("retries a webhook whose receiver fails twice and delivers it on the third attempt, signed", async () => {
    const { channel } = await createChannel({
      ctx: admin,
      input: { name: `Hook ${engine}`, kind: "webhook", url: hook.url, secret: "whsec_test_secret_0123456789" },
    });
    hook.failNext(2);
    const before = hook.requests.length;
    const n = await pending(handle, channel.id);
    expect(await deliverPending(handle.db, { now: T0, ids: [n.id] })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // Not due yet: the first retry waits a minute.
    expect(await deliverPending(handle.db, { now: later(0.5), ids: [n.id] })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverPending(handle.db, { now: later(1), ids: [n.id] })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deliverPending(handle.db, { now: later(2.9), ids: [n.id] })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverPending(handle.db, { now: later(3), ids: [n.id] })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const got = hook.requests.slice(before);
    expect(got.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(got.every((r) => r.signatureValid)).toBe(true);
    expect(got[2]!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature("another secret of 16+", got[2]!.signature, got[2]!.body)).toBe(false);
    expect(got[2]!.json).toMatchObject({
      type: "headroom.alerts",
      evaluationId: n.evaluationId,
      asOf: "2026-12-07T08:00:00.000Z",
      items: [{ severity: "critical", href: "https://headroom.example.com/capacity?family=H100" }, { severity: "warning" }],
    });
    const log = await handle.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.notificationId, n.id))
      .orderBy(asc(notificationDeliveries.attempt));
    expect(log.map((l) => [l.attempt, l.ok, l.statusCode])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ]);
    expect(log[0]!.error).toContain("HTTP 500");
    expect(log[0]!.at).toEqual(T0);
    expect(log[2]!.at).toEqual(later(3));
    for (const l of log) expect(l.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("posts Slack blocks and a Teams card to their incoming webhooks, and never shows or audits the URL", async () => {
    const slack = await createChannel({
      ctx: admin,
      input: { name: `Slack ${engine}`, kind: "slack", url: `${hook.url}/slack/T000/B000/XXXX` },
    });
    const teams = await createChannel({ ctx: admin, input: { name: `Teams ${engine}`, kind: "teams", url: `${hook.url}/teams/abc` } });
    expect(JSON.stringify(slack)).not.toContain("XXXX");
    expect(slack.channel.config).toEqual({ host: new URL(hook.url).host });
    const [stored] = await handle.db.select().from(channels).where(eq(channels.id, slack.channel.id));
    expect(stored!.secret).toMatch(/^v1\./);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, slack.channel.id));
    expect(JSON.stringify(audits)).not.toContain("XXXX");
    const a = await pending(handle, slack.channel.id, "Slack subject");
    const b = await pending(handle, teams.channel.id, "Teams subject");
    expect((await deliverPending(handle.db, { now: T0, ids: [a.id, b.id] })).sent).toBe(2);
    const slackBody = hook.requests.find((r) => r.path.endsWith("/slack/T000/B000/XXXX"))!.json as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(slackBody.text).toContain("Slack subject");
    expect(slackBody.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Slack subject" } });
    expect(slackBody.blocks[1]!.text!.text).toBe(
      "*Critical* · <https://headroom.example.com/capacity?family=H100|Runway of H100 under 6 months> (fired)\nRunway of H100 is 2027-03, 3 months away (rule: &lt; 6 months)",
    );
    const teamsBody = hook.requests.find((r) => r.path.endsWith("/teams/abc"))!.json as Record<string, unknown>;
    expect(teamsBody).toMatchObject({ "@type": "MessageCard", title: "Teams subject", themeColor: "D13438" });
    expect(teamsBody.text).toContain("**Critical** · Runway of H100 under 6 months (fired)");
  });

  it("sends each notification once when two deliverers run at the same time", async () => {
    const { channel } = await createChannel({ ctx: admin, input: { name: `Race ${engine}`, kind: "webhook", url: `${hook.url}/race` } });
    const rows = await Promise.all(Array.from({ length: 6 }, () => pending(handle, channel.id)));
    const ids = rows.map((r) => r.id);
    const [x, y] = await Promise.all([deliverPending(handle.db, { now: T0, ids }), deliverPending(handle.db, { now: T0, ids })]);
    expect(x.sent + y.sent).toBe(6);
    expect(hook.requests.filter((r) => r.path === "/hook/race")).toHaveLength(6);
    const log = await handle.db
      .select()
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(eq(notifications.channelId, channel.id));
    expect(log).toHaveLength(6);
  });

  it("takes back a message left sending by a stopped process after five minutes", async () => {
    const { channel } = await createChannel({ ctx: admin, input: { name: `Stale ${engine}`, kind: "webhook", url: `${hook.url}/stale` } });
    const n = await pending(handle, channel.id);
    await handle.db.update(notifications).set({ status: "sending", claimedAt: T0, attempts: 1 }).where(eq(notifications.id, n.id));
    expect((await deliverPending(handle.db, { now: later(4), ids: [n.id] })).sent).toBe(0);
    expect((await deliverPending(handle.db, { now: later(6), ids: [n.id] })).sent).toBe(1);
    const [after] = await handle.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(after).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives up after the fifth failed attempt and keeps each error", async () => {
    const { channel } = await createChannel({ ctx: admin, input: { name: `Down ${engine}`, kind: "webhook", url: `${hook.url}/down` } });
    hook.failNext(5);
    const n = await pending(handle, channel.id);
    for (const m of [0, 1, 3, 7, 15]) await deliverPending(handle.db, { now: later(m), ids: [n.id] });
    const [after] = await handle.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(after).toMatchObject({ status: "failed", attempts: 5 });
    expect(after!.lastError).toContain("HTTP 500");
    expect(await handle.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, n.id))).toHaveLength(5);
  });

  it("sends a channel's test message now and reports the outcome; a changed secret signs the next one", async () => {
    const { channel, secret } = await createChannel({
      ctx: admin,
      input: { name: `Test ${engine}`, kind: "webhook", url: `${hook.url}/test` },
    });
    expect(secret).toMatch(/^whsec_/);
    const result = await testChannel({ ctx: admin, input: { id: channel.id } });
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    const req = hook.requests.filter((r) => r.path === "/hook/test").at(-1)!;
    expect(verifySignature(secret!, req.signature, req.body)).toBe(true);
    expect(req.json).toMatchObject({ type: "headroom.test" });
    const updated = await updateChannel({
      ctx: admin,
      input: {
        id: channel.id,
        version: channel.version,
        name: channel.name,
        kind: "webhook",
        url: `${hook.url}/test`,
        secret: "a-new-secret-of-sixteen",
      },
    });
    expect(updated.version).toBe(channel.version + 1);
    await testChannel({ ctx: admin, input: { id: channel.id } });
    const next = hook.requests.filter((r) => r.path === "/hook/test").at(-1)!;
    expect(verifySignature("a-new-secret-of-sixteen", next.signature, next.body)).toBe(true);
  });

  it("lists channels with their target (host only for URLs) and last delivery, and a channel's log", async () => {
    const list = await listChannels(admin);
    const slack = list.find((c) => c.name === `Slack ${engine}`)!;
    expect(slack).toMatchObject({ kind: "slack", target: new URL(hook.url).host, lastOk: true });
    const down = list.find((c) => c.name === `Down ${engine}`)!;
    expect(down).toMatchObject({ lastOk: false });
    expect(down.lastError).toContain("HTTP 500");
    expect(list.find((c) => c.name === `Ops mail ${engine}`)!.target).toBe("ops@example.com, cfo@example.com");
    const { channel, log } = await getChannel(admin, down.id);
    expect(JSON.stringify(channel)).not.toContain("v1.");
    expect(log.map((l) => l.attempt)).toEqual([5, 4, 3, 2, 1]);
    expect(log[0]).toMatchObject({ ok: false, statusCode: 500, status: "failed" });
  });

  it("gives up at once on a message to an archived channel", async () => {
    const { channel } = await createChannel({ ctx: admin, input: { name: `Gone ${engine}`, kind: "webhook", url: `${hook.url}/gone` } });
    const n = await pending(handle, channel.id);
    await archiveChannel({ ctx: admin, input: { id: channel.id, version: channel.version } });
    expect(await deliverPending(handle.db, { now: T0, ids: [n.id] })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [after] = await handle.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(after).toMatchObject({ status: "failed", attempts: 1, lastError: "The channel is archived." });
    expect(hook.requests.filter((r) => r.path === "/hook/gone")).toHaveLength(0);
  });

  it("refuses channels to finance and viewers", async () => {
    for (const role of ["finance", "viewer", "infra"] as const) {
      const ctx: Ctx = { db: handle.db, actor: { id: null, email: `${role}@example.com`, role, kind: "user" } };
      await expect(createChannel({ ctx, input: { name: "No", kind: "email", recipients: "a@example.com" } })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });

  it("explains a bad channel", async () => {
    await expect(createChannel({ ctx: admin, input: { name: "Bad", kind: "email", recipients: "not-an-address" } })).rejects.toThrow(
      /Not an email address: not-an-address/,
    );
    await expect(createChannel({ ctx: admin, input: { name: "Bad", kind: "webhook", url: "ftp://x" } })).rejects.toThrow(
      /http:\/\/ or https:\/\//,
    );
  });
});
