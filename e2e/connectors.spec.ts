import { gzipSync } from "node:zlib";
import { S3_KEY_ID, S3_SECRET, startS3, type S3Emulator } from "../lib/testing/object-stores";
import { expect, openSettingsTab, test } from "./fixtures";

// An admin connects Headroom to a bucket (s3rver, started here) holding two FOCUS exports, tests the connection,
// runs it and reads each object's outcome.

const stamp = Date.now();

function focusExport(day: number): string {
  const header =
    "BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ServiceProviderName,Id";
  const d = String(day).padStart(2, "0");
  return `${header}\nUSD,2025-01-01,2025-02-01,2025-01-${d},2025-01-${d}T23:59:59Z,Usage,${day}.50,${day}.50,E2E Cloud ${stamp},e2e-${stamp}-${day}\n`;
}

let s3: S3Emulator;

test.beforeAll(async () => {
  s3 = await startS3(`e2e-${stamp}`);
});
test.afterAll(async () => {
  await s3?.stop();
});

test("an admin creates an S3 connector, tests it, runs it and sees each object's result", async ({ page, signInPage }) => {
  const prefix = `focus/${stamp}/`;
  await s3.put(`${prefix}day-1.csv`, focusExport(1));
  await s3.put(`${prefix}day-2.csv.gz`, gzipSync(focusExport(2)));

  await signInPage.signInAs("admin");
  await openSettingsTab(page, "Billing connectors");
  await page.getByRole("link", { name: "New connector" }).click();
  const form = page.getByRole("form", { name: "New connector" });
  const name = `E2E bucket ${stamp}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Provider it bills for").selectOption({ index: 1 });
  await form.getByLabel("Prefix").fill(prefix);
  await form.getByLabel("Endpoint URL").fill(s3.endpoint);
  await form.getByLabel("Bucket").fill(s3.bucket);
  await form.getByLabel("Path-style addressing").check();
  await form.getByLabel("Access key id").fill(S3_KEY_ID);
  await form.getByLabel("Secret access key").fill(S3_SECRET);
  await page.getByRole("button", { name: "Create connector" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await page.content()).not.toContain(S3_SECRET);

  await page.getByRole("button", { name: "Test connection" }).click();
  const listed = page.getByTestId("connector-test-result");
  await expect(listed).toContainText("2 exports found, 2 to import");
  for (const key of ["day-1.csv", "day-2.csv.gz"]) await expect(listed.getByRole("row").filter({ hasText: key })).toContainText("new");

  await page.getByRole("button", { name: "Run now" }).click();
  const ran = page.getByTestId("connector-run-result");
  await expect(ran).toContainText("Run succeeded", { timeout: 30_000 });
  for (const key of ["day-1.csv", "day-2.csv.gz"]) await expect(ran.getByRole("row").filter({ hasText: key })).toContainText("imported");
  const objects = page.getByTestId("connector-objects");
  await expect(objects.getByRole("row").filter({ hasText: "imported" })).toHaveCount(2);

  await page.setViewportSize({ width: 390, height: 900 });
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  expect(overflow).toBe(0);
  await page.goto("/settings/connectors");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("succeeded");
});
