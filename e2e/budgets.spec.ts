import { expect, test } from "./fixtures";

test.describe("budgets", () => {
  test.describe.configure({ timeout: 120_000 });

  test("finance sets a team budget in H100e·h and sees the hierarchy warning it adds to", async ({ page, signInPage }) => {
    const name = `E2E post-training H100e·h ${Date.now()}`;
    await signInPage.signInAs("finance");
    await page.goto("/budgets");
    await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
    // The demo's Research budget is below Pre-training + Post-training.
    const notice = page.getByRole("status", { name: "Team budget warnings" });
    await expect(notice).toContainText("Research H100e·h (monthly)");
    await expect(notice).toContainText("H100e·h per month, less than its sub-teams'");

    await page.getByRole("link", { name: "New budget" }).click();
    const form = page.getByRole("form", { name: "New budget" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Scope").selectOption("team");
    await form.getByLabel("Team", { exact: true }).selectOption({ label: "Research › Post-training" });
    await expect(form.getByLabel("Currency")).toBeVisible();
    await form.getByLabel("Unit").selectOption("h100e_h");
    await expect(form.getByLabel("Currency")).toHaveCount(0);
    await form.getByLabel("Amount per period").fill("1000");
    await form.getByRole("button", { name: "Create budget" }).click();

    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("H100-equivalent hours (H100e·h)")).toBeVisible();
    await expect(page.getByText("1,000 H100e·h").first()).toBeVisible();
    await expect(page.getByRole("status", { name: "Team budget warnings" })).toContainText(name);
    await expect(page.getByRole("table").first()).toContainText("H100e·h");
  });

  test("a viewer reads budgets but cannot create one", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/budgets");
    await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New budget" })).toHaveCount(0);
    await expect(page.getByText("Team Research").first()).toBeVisible();
  });
});
