import { expect, test } from "./fixtures";

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
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "seed.demo" })).toBeVisible();
  });
});
