import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? "/tmp/headroom-shots";

function isoMonth(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

const HEADER = [
  "BillingAccountId",
  "BillingCurrency",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "ChargeCategory",
  "PricingCategory",
  "ProviderName",
  "PublisherName",
  "InvoiceIssuerName",
  "ServiceName",
  "ServiceCategory",
  "RegionId",
  "SkuId",
  "CommitmentDiscountId",
  "CommitmentDiscountStatus",
  "ConsumedQuantity",
  "ConsumedUnit",
  "Tags",
].join(",");

/** A FOCUS file of `hours` hourly charges in last month, each of 12.5 USD, all under commitment `reference`. */
function focusFile(reference: string, hours: number, badLast = false): { csv: string; total: string } {
  const month = isoMonth(-1);
  const periodEnd = isoMonth(0);
  const lines = [HEADER];
  for (let i = 0; i < hours; i++) {
    const start = new Date(Date.parse(`${month}T00:00:00Z`) + (i % 600) * 3_600_000);
    const end = new Date(start.getTime() + 3_600_000);
    const cost = badLast && i === hours - 1 ? "twelve" : "12.5";
    lines.push(
      [
        "acct-1",
        "USD",
        `${month}T00:00:00Z`,
        `${periodEnd}T00:00:00Z`,
        start.toISOString(),
        end.toISOString(),
        cost,
        cost,
        "20",
        "15",
        "Usage",
        "Committed",
        "Microsoft",
        "Microsoft",
        "Microsoft",
        "Virtual Machines",
        "Compute",
        "eastus",
        "ND96isr_H100_v5",
        reference,
        "Used",
        "1",
        "Hours",
        `"{""team"":""e2e-${i % 7}""}"`,
      ].join(","),
    );
  }
  const total = (hours * 12.5).toFixed(2);
  return { csv: `${lines.join("\r\n")}\r\n`, total };
}

async function createContract(page: Page, name: string, reference: string) {
  await page.goto("/contracts/new");
  const form = page.getByRole("form", { name: "New contract" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Provider").selectOption({ label: "Microsoft Azure" });
  await form.getByLabel("Reference").fill(reference);
  await form.getByLabel("Status").selectOption("active");
  await form.getByLabel("Start date").fill(isoMonth(-3));
  await form.getByLabel("End date").fill(isoMonth(9));
  await form.getByLabel("Committed amount").fill("5000000");
  await form.getByRole("button", { name: "Create contract" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/").pop()!;
}

test.describe("FOCUS billing import", () => {
  test("finance uploads a FOCUS file, watches progress, sees the summary and the burn-down showing actuals", async ({
    page,
    signInPage,
  }, info) => {
    test.setTimeout(180_000);
    const tag = Date.now();
    await signInPage.signInAs("finance");
    const reference = `E2E-FOCUS-${tag}`;
    const contractId = await createContract(page, `E2E billed ${tag}`, reference);
    await expect(page.getByText(/planned cost of the linked reservations|no billing data/).first()).toBeVisible();

    const { csv, total } = focusFile(reference, 10_000);
    await page.goto("/imports");
    await page.getByLabel("FOCUS file").setInputFiles({ name: `focus-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    const response = page.waitForResponse((r) => r.url().includes("/imports/focus/upload"));
    await page.getByRole("button", { name: "Import" }).first().click();
    await expect(page.getByText(/rows checked/)).toBeVisible();
    const body = await (await response).text();
    expect(body.split("\n").filter((l) => l.includes('"progress"')).length).toBeGreaterThan(0);

    await expect(page.getByText(/Loaded 10,000 rows/)).toBeVisible({ timeout: 60_000 });
    const byProvider = page.getByRole("region", { name: "Totals by provider" });
    await expect(
      byProvider.getByRole("cell", { name: `$${Number(total).toLocaleString("en-US", { minimumFractionDigits: 2 })}` }).first(),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-focus-import.png`, fullPage: true });

    await page.goto(`/contracts/${contractId}`);
    await expect(page.getByText(/actual (billed )?cost/i).first()).toBeVisible();
    await page.getByText("View consumption by month as a table").click();
    await expect(page.getByRole("cell", { name: "Actual (billing)" }).first()).toBeVisible();

    // The same file again changes nothing and says so.
    await page.goto("/imports");
    await page.getByLabel("FOCUS file").setInputFiles({ name: `focus-${tag}-again.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import" }).first().click();
    await expect(page.getByText(/already imported/)).toBeVisible({ timeout: 60_000 });
  });

  test("a bad file is rejected with its errors by line and column, and loads nothing", async ({ page, signInPage }) => {
    const tag = Date.now();
    await signInPage.signInAs("finance");
    const { csv } = focusFile(`E2E-BAD-${tag}`, 50, true);
    await page.goto("/imports");
    await page.getByLabel("FOCUS file").setInputFiles({ name: `bad-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import" }).first().click();
    await expect(page.getByText(/rejected and nothing was loaded/)).toBeVisible({ timeout: 60_000 });
    // 50 data rows after the header: the bad one is line 51.
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "51", exact: true }) });
    await expect(row.getByRole("cell", { name: "BilledCost" })).toBeVisible();
    await page.goto(`/imports?q=bad-${tag}`);
    await expect(page.getByRole("cell", { name: "failed" })).toBeVisible();
  });

  test("a viewer reads the import history but has no upload control, and the upload route refuses them", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/imports");
    await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
    await expect(page.getByLabel("FOCUS file")).toHaveCount(0);
    const refused = await page.request.post("/imports/focus/upload?name=x.csv", { data: "BilledCost\n1\n" });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not allowed/);
  });

  test("the import API refuses a request without a valid API key", async ({ request }) => {
    const missing = await request.post("/api/v1/imports/focus", { data: "x" });
    expect(missing.status()).toBe(401);
    const wrong = await request.post("/api/v1/imports/focus", { data: "x", headers: { authorization: "Bearer hr_not-a-real-key" } });
    expect(wrong.status()).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/not valid/);
  });
});
