import { expect, test, openSettingsTab } from "./fixtures";

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

/** Three hourly charges of 10.25 USD on a SKU (of a service) no mapping knows yet. */
function focusFile(sku: string, region: string, service = "Compute"): string {
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
        service,
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
    test.setTimeout(120_000); // an import, a mapping and its re-match of the provider's demo charges
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
    await expect(page.getByRole("status")).toContainText("Mapping saved. 3 charges of Oracle OCI are now matched to NVIDIA H100 SXM.");
    await expect(page.getByTestId("mapping-charges")).toHaveText("3 charges matched");

    await page.goto(`/costs/unmatched?q=${encodeURIComponent(sku)}`);
    await expect(page.getByRole("row").filter({ hasText: sku })).toHaveCount(0);
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  });

  test("finance maps unmatched storage to a contract, is told it saved, and the charges leave the unmatched list", async ({
    page,
    signInPage,
  }, info) => {
    test.setTimeout(120_000); // an import, a mapping and its re-match of the provider's demo charges
    const tag = Date.now();
    const sku = `e2e-stor-${tag}`;
    const service = `E2E Storage ${tag}`;
    await signInPage.signInAs("finance");

    await page.goto("/imports");
    await page
      .getByLabel("FOCUS file")
      .setInputFiles({ name: `storage-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(focusFile(sku, "us-abilene-1", service)) });
    await page.getByRole("button", { name: "Import" }).first().click();
    await expect(page.getByText(/Loaded 3 rows/)).toBeVisible({ timeout: 60_000 });

    await page.goto(`/costs/unmatched?q=${encodeURIComponent(sku)}`);
    await expect(page.getByTestId("map-permission-hint")).toHaveCount(0);
    // Totals to the cent.
    await expect(page.getByTestId("unmatched-total")).toContainText(/\d\.\d{2} USD/);
    await expect(page.getByTestId("unmatched-total")).not.toContainText(/\.\d{3,} USD/);
    const row = page.getByRole("row").filter({ hasText: sku });
    await row.getByRole("link", { name: /Map to a contract/ }).click();

    const form = page.getByRole("form", { name: "New contract mapping" });
    await expect(form.getByLabel("Service")).toHaveValue(service);
    await expect(form.getByRole("combobox", { name: "Provider" })).toHaveValue(/.+/);
    const contract = form.getByRole("combobox", { name: "Contract" });
    const phase1 = (await contract.getByRole("option").allTextContents()).find((o) => o.includes("Abilene phase 1"));
    expect(phase1).toBeDefined();
    await contract.selectOption({ label: phase1! });
    await form.getByLabel("Service").fill("");
    await form.getByRole("button", { name: "Create mapping" }).click();
    await expect(form.locator("#f-serviceName-error")).toHaveText(/Name at least one of service/);

    await form.getByLabel("Service").fill(service.toLowerCase());
    await form.getByRole("button", { name: "Create mapping" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Mapping saved" });
    await expect(saved).toHaveText(/Mapping saved\. 3 charges of Oracle OCI now count toward OCI Universal Credits — Abilene phase 1\./);
    await page.screenshot({ path: `${SHOTS}/${info.project.name}-contract-mapping-saved.png`, fullPage: true });

    await page.goto(`/costs/unmatched?q=${encodeURIComponent(sku)}`);
    await expect(page.getByRole("row").filter({ hasText: sku })).toHaveCount(0);
    await page.goto("/costs/mappings");
    await expect(page.getByRole("row").filter({ hasText: service.toLowerCase() })).toContainText("Abilene phase 1");
  });

  test("a viewer sees SKU mappings and unmatched charges, and is told who can map them", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await openSettingsTab(page, "SKU mappings");
    await expect(page.getByRole("heading", { level: 1, name: "SKU mappings" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New mapping" })).toHaveCount(0);
    for (const path of ["/settings/sku-mappings/new", "/costs/mappings/new"]) {
      await page.goto(path);
      await expect(page.getByRole("form")).toHaveCount(0);
      await expect(page.getByTestId("map-permission-hint")).toContainText("admin and finance");
    }
    await page.goto("/costs/unmatched");
    await expect(page.getByRole("heading", { level: 1, name: "Unmatched charges" })).toBeVisible();
    await expect(page.getByTestId("map-permission-hint")).toContainText("You are signed in as viewer");
    await expect(page.getByRole("link", { name: /Map this SKU|Map to a contract/ })).toHaveCount(0);
  });
});
