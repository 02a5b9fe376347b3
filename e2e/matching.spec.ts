import { expect, test } from "./fixtures";

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? "/tmp/headroom-shots";

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
].join(",");

// Two months back and Oracle, so this file never replaces the billing period other specs upload (Microsoft, last month).
function monthStart(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/** Three hourly charges of 10.25 USD on a GPU SKU no mapping knows yet. */
function focusFile(sku: string, region: string): string {
  const month = monthStart(-2);
  const lines = [HEADER];
  for (let i = 0; i < 3; i++) {
    const start = new Date(Date.parse(`${month}T00:00:00Z`) + i * 3_600_000);
    const end = new Date(start.getTime() + 3_600_000);
    lines.push(
      [
        "acct-e2e",
        "USD",
        `${month}T00:00:00Z`,
        `${monthStart(-1)}T00:00:00Z`,
        start.toISOString(),
        end.toISOString(),
        "10.25",
        "10.25",
        "12",
        "10.25",
        "Usage",
        "Standard",
        "Oracle",
        "Oracle",
        "Oracle America Inc.",
        "Compute",
        "Compute",
        region,
        sku,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

test.describe("matching charges to accelerator types", () => {
  test("an admin maps an unmatched SKU from the unmatched charges and its charges are matched at once", async ({
    page,
    signInPage,
  }, info) => {
    const tag = Date.now();
    const sku = `e2e-gpu-${tag}`;
    const region = `e2e-${tag % 100_000}`;
    await signInPage.signInAs("admin");

    await page.goto("/imports");
    await page
      .getByLabel("FOCUS file")
      .setInputFiles({ name: `unmapped-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(focusFile(sku, region)) });
    await page.getByRole("button", { name: "Import" }).first().click();
    await expect(page.getByText(/Loaded 3 rows/)).toBeVisible({ timeout: 60_000 });

    await page.goto("/settings/sku-mappings");
    await page.getByRole("link", { name: "unmatched charges" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Unmatched charges" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill(sku);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${sku}`));
    const row = page.getByRole("row").filter({ hasText: sku });
    await expect(row).toContainText("Oracle OCI");
    await expect(row).toContainText(region);
    await expect(row.getByRole("cell", { name: "3", exact: true })).toBeVisible();
    await expect(row).toContainText("30.75 USD");
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-unmatched.png`, fullPage: true });

    await row.getByRole("link", { name: /Map this SKU/ }).click();
    const form = page.getByRole("form", { name: "New SKU mapping" });
    await expect(form.getByLabel("SKU id")).toHaveValue(sku);
    await expect(form.getByLabel("Region")).toHaveValue(region);
    await expect(form.getByLabel("Provider")).toHaveValue(/.+/);
    await form.getByLabel("Accelerator type").selectOption({ label: "NVIDIA H100 SXM" });
    await form.getByLabel("Accelerators per unit").fill("8");
    await form.getByRole("button", { name: "Create mapping" }).click();
    await expect(page.getByRole("heading", { level: 1, name: sku })).toBeVisible();
    await expect(page.getByTestId("mapping-charges")).toHaveText("3 charges matched");

    await page.goto(`/costs/unmatched?q=${encodeURIComponent(sku)}`);
    await expect(page.getByRole("row").filter({ hasText: sku })).toHaveCount(0);
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  });

  test("a viewer sees SKU mappings and unmatched charges but no way to change them", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SKU mappings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SKU mappings" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New mapping" })).toHaveCount(0);
    await page.goto("/settings/sku-mappings/new");
    await expect(page.getByRole("heading", { level: 1, name: "New SKU mapping" })).toHaveCount(0);
    await page.goto("/costs/unmatched");
    await expect(page.getByRole("heading", { level: 1, name: "Unmatched charges" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Map this SKU/ })).toHaveCount(0);
  });
});
