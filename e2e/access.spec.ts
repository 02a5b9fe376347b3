import { browserCsv, expect, test, openSettingsTab } from "./fixtures";

test.describe("access", () => {
  for (const path of ["/", "/settings/audit", "/settings/audit?page=2"]) {
    test(`a signed-out request to ${path} goes to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/signin/);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  }

  test("a viewer cannot open the audit log, by link or by URL", async ({ page, signInPage, request }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/settings/audit");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "seed.demo" })).toHaveCount(0);
    const anonymous = await request.get("/settings/audit", { maxRedirects: 0 });
    expect(anonymous.status()).toBeGreaterThanOrEqual(300);
    expect(anonymous.status()).toBeLessThan(400);
  });

  test("an admin reads the audit log with the seed entry", async ({ page, signInPage }) => {
    await signInPage.signInAs("admin");
    await openSettingsTab(page, "Audit log");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "seed.demo" })).toBeVisible();
  });

  test("an admin finds a change by record type and day, reads it by name, opens the record and exports the rows", async ({
    page,
    signInPage,
  }) => {
    test.setTimeout(120_000); // a user created, the log filtered, two CSV requests and the record opened
    const email = `e2e-audit-${Date.now()}@example.com`;
    const today = new Date().toISOString().slice(0, 10);
    await signInPage.signInAs("admin");
    await page.goto("/settings/users/new");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("E2E Audited");
    await page.getByLabel("Role").selectOption("finance");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible({ timeout: 30_000 });
    const userUrl = new URL(page.url()).pathname;

    await page.goto("/settings/audit");
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Record type").selectOption({ label: "User" });
    await filters.getByLabel("From (UTC day)").fill(today);
    await filters.getByLabel("To (UTC day)").fill(today);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`entity=user.*from=${today}.*to=${today}`), { timeout: 30_000 });
    const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "user.create" });
    await expect(row.getByRole("link", { name: `E2E Audited (${email})` })).toHaveAttribute("href", userUrl);
    await expect(row).toContainText("Role");
    await expect(row).toContainText("finance");
    // No raw ids or JSON in the row.
    await expect(row).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expect(row).not.toContainText("{");

    const csv = await page.request.get(`/settings/audit/export.csv?entity=user&from=${today}&to=${today}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(browserCsv(text).split("\r\n")[0]).toBe("at_utc,actor,action,entity_type,entity_id,entity,field,before,after");
    expect(text).toContain(`user.create`);
    expect(text).toContain(`E2E Audited (${email}),Role,,finance`);
    const bad = await page.request.get("/settings/audit/export.csv?from=2026-02-30");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('"from" must be a day');

    await row.getByRole("link", { name: `E2E Audited (${email})` }).click();
    await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible({ timeout: 30_000 });
  });
});
