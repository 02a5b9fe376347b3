import { startSmtp, type SmtpReceiver } from "../lib/testing/smtp";
import { startWebhookReceiver } from "../lib/testing/webhook-receiver";
import type { AlertNotificationPayload } from "../lib/alerts/types";
import { verifySignature } from "../lib/notify/signature";
import { smtpPortOf } from "./smtp-port";
import { expect, test } from "./fixtures";
import { buildReport, uniqueName } from "./share-helpers";

// An admin sets up an email channel to the SMTP server started here (the app mails it: SMTP_URL in
// playwright.config.ts), sends a test, and mails a saved report with Send now; the mails are parsed and the
// report's link opened in the browser.

let smtp: SmtpReceiver;

test.beforeAll(async () => {
  const base = new URL(test.info().project.use.baseURL!);
  smtp = await startSmtp({ port: smtpPortOf(Number(base.port)) });
});
test.afterAll(async () => {
  await smtp?.stop();
});

test("an admin creates an email channel and its test message arrives", async ({ page, signInPage }, testInfo) => {
  const name = uniqueName("E2E mail", testInfo.project.name);
  await signInPage.signInAs("admin");
  await page.goto("/alerts/channels");
  await page.getByRole("link", { name: "New channel" }).click();
  const form = page.getByRole("form", { name: "New channel" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Recipients").fill("ops@e2e.test, cfo@e2e.test");
  await form.getByLabel("Lowest severity").selectOption("critical");
  await form.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("email · ops@e2e.test, cfo@e2e.test")).toBeVisible();

  await expect(async () => {
    await page.getByRole("button", { name: "Send test" }).click({ timeout: 2_000 });
    await expect(page.getByRole("status").filter({ hasText: "Test message sent." })).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 40_000 });
  const mail = await smtp.waitFor((m) => m.subject === `Headroom test message for ${name}`);
  expect(mail.to.sort()).toEqual(["cfo@e2e.test", "ops@e2e.test"]);
  expect(mail.from).toBe("headroom@e2e.test");
  expect(mail.text).toContain(`[Info] Test message for channel ${name} (fired)`);
  expect(mail.html).toContain("If you can read this, Headroom can deliver alerts to this channel.");

  const log = page.getByRole("region", { name: "Delivery log" });
  await expect(log.getByRole("row").nth(1)).toContainText("ok");
  await page.goto("/alerts/channels");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Delivered");
  await expect(row).toContainText("critical");
});

test("an admin schedules a report weekly, sends it now, and the mail's figures and link arrive", async ({ page, signInPage }, testInfo) => {
  const name = uniqueName("E2E weekly", testInfo.project.name);
  const recipient = `board-${Date.now().toString(36)}@e2e.test`;
  await signInPage.signInAs("admin");
  await buildReport(page, { name, note: "Mailed every Monday", sections: ["Key figures", "Concentration"] });

  const section = page.getByRole("region", { name: "Email schedule" });
  await section.getByText("Add an email schedule").click();
  const form = section.getByRole("form", { name: "New email schedule" });
  await form.getByLabel("Weekday").selectOption({ label: "Monday" });
  await form.getByLabel("Hour").selectOption({ label: "08:00" });
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await form.getByLabel("Recipients").fill(recipient);
  await form.getByRole("checkbox", { name: "Key figures" }).check();
  await form.getByRole("button", { name: "Add schedule" }).click();
  const item = section.getByRole("listitem", { name: "Weekly on Monday at 08:00 (Europe/Berlin)" });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText(recipient);

  await item.getByRole("button", { name: "Send now" }).click();
  await expect(item.getByRole("status").filter({ hasText: "Sent." })).toBeVisible({ timeout: 60_000 });
  const mail = await smtp.waitFor((m) => m.to.includes(recipient));
  expect(mail.subject).toMatch(new RegExp(`^${name} — \\d{1,2} \\w+ \\d{4}$`));
  expect(mail.text).toContain("Key figures");
  expect(mail.text).toMatch(/- Committed spend: \d+\.\d{2} USD/);
  expect(mail.html).toMatch(/<th scope="row"[^>]*>Committed spend<\/th>/);
  expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/^key-figures-\d{4}-\d{2}-\d{2}\.csv$/)]);
  expect(mail.attachments[0]!.content.toString("utf8")).toContain("figure,value,unit,note");
  await expect(item.getByRole("table", { name: "Last deliveries" })).toContainText("Sent");

  const path = /\/r\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
  const visitor = await page.context().browser()!.newContext();
  const shared = await visitor.newPage();
  await shared.goto(new URL(path, testInfo.project.use.baseURL).toString());
  await expect(shared.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });
  await expect(shared.locator('section.report-section[aria-label="Key figures"]')).toBeVisible();
  await visitor.close();
});

test("an admin routes a rule to an email and a signed webhook channel, evaluates, and both messages arrive", async ({
  page,
  signInPage,
}, testInfo) => {
  const receiver = await startWebhookReceiver();
  try {
    const mailName = uniqueName("E2E ops mail", testInfo.project.name);
    const hookName = uniqueName("E2E ops hook", testInfo.project.name);
    const ruleName = uniqueName("E2E power watch", testInfo.project.name);
    const recipient = `ops-${Date.now().toString(36)}@e2e.test`;
    await signInPage.signInAs("admin");

    await page.goto("/alerts/channels/new");
    let form = page.getByRole("form", { name: "New channel" });
    await form.getByLabel("Name").fill(mailName);
    await form.getByLabel("Recipients").fill(recipient);
    await form.getByRole("button", { name: "Create channel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: mailName })).toBeVisible({ timeout: 30_000 });

    // A webhook channel: its generated signing secret is shown once, and the receiver checks each request with it.
    await page.goto("/alerts/channels/new");
    form = page.getByRole("form", { name: "New channel" });
    await form.getByLabel("Name").fill(hookName);
    await form.getByLabel("Kind").selectOption("webhook");
    await form.getByLabel("URL").fill(receiver.url);
    // Only the rules that name it (a new channel takes every rule's alerts by default, as the mail channel above does).
    await form.getByLabel("Route every rule's alerts here").uncheck();
    await form.getByRole("button", { name: "Create channel" }).click();
    const shown = page.getByRole("status").filter({ hasText: "Copy the signing secret now." });
    await expect(shown).toBeVisible({ timeout: 30_000 });
    const secret = (await shown.getByLabel("Signing secret").innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    // A rule every demo site fires (less than 10 GW of headroom), sent to both channels.
    await page.goto("/alerts/rules/new");
    await page.getByLabel("Name").fill(ruleName);
    await page.getByLabel("Kind").selectOption({ label: "Power headroom" });
    await page.getByLabel("Fires when headroom is below (MW)").fill("10000");
    await page.getByLabel("Within (months)").fill("24");
    await page.getByLabel("Severity").selectOption("critical");
    await page.getByRole("checkbox", { name: new RegExp(`^${mailName}`) }).check();
    await page.getByRole("checkbox", { name: new RegExp(`^${hookName}`) }).check();
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page.getByRole("heading", { level: 1, name: ruleName })).toBeVisible({ timeout: 30_000 });

    await page.goto("/alerts");
    await page.getByRole("button", { name: "Evaluate now" }).click();
    await expect(page.getByText(/^Evaluation #\d+: [1-9]\d* fired/)).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText(/notifications?: [1-9]\d* sent/)).toBeVisible();

    const mail = await smtp.waitFor((m) => m.to.includes(recipient));
    expect(mail.subject).toMatch(/^Headroom: \[critical\] \d+ alerts? firing$/);
    expect(mail.text).toContain(ruleName);
    expect(mail.text).toMatch(/Power headroom of .+ below 10 GW/);
    expect(mail.html).toContain(ruleName);

    await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const hook = receiver.requests[0]!;
    expect(verifySignature(secret, hook.signature, hook.body)).toBe(true);
    const body = hook.json as AlertNotificationPayload & { type: string };
    expect(body.type).toBe("headroom.alerts");
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.ruleName === ruleName && i.event === "fired" && i.severity === "critical")).toBe(true);
    // The same alerts as the mail: one message per channel and evaluation.
    for (const i of body.items) expect(mail.text).toContain(i.title);
  } finally {
    await receiver.stop();
  }
});
