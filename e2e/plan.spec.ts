import { readFile } from "node:fs/promises";
import { browserCsv, expect, SignInPage, test } from "./fixtures";

// Issue 17's journey: the infra lead opens the procurement plan, covers the upper 80 % band of demand with no provider
// above 35 % of H100e, reads what binds, exports the procurement request, saves the plan as a scenario and compares it.

test.describe("procurement plan", () => {
  test("infra plans p80 demand under a 35 % provider cap, reads what binds, exports the request, saves it as a scenario and compares", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await new SignInPage(page).signInAs("infra");
    await page.goto("/");
    await page.getByRole("link", { name: "Procurement plan" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Procurement plan" })).toBeVisible();

    const form = page.getByRole("form", { name: "Plan inputs" });
    await form.getByLabel("Demand to cover").selectOption("p80");
    await form.getByLabel("Largest provider share (%)").fill("35");
    await form.getByRole("button", { name: "Plan", exact: true }).click();
    await expect(page).toHaveURL(/demand=p80/);
    await expect(page).toHaveURL(/cap_provider=35/);

    const result = page.getByTestId("plan-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("region", { name: "Solve" })).toContainText(/Optimal|best plan found/);

    // What binds: sentences priced from the shadow prices; and the power check: the plan puts no site over budget.
    const binds = page.getByRole("region", { name: "What binds" });
    await expect(binds.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Power headroom per site after" })).toContainText(
      /No budgeted site goes over its power budget|The plan adds no over-budget month/,
    );

    // The procurement request has a row for every block the table counts in its total ("All 156 blocks").
    const blocks = page.getByRole("table", { name: "Blocks the plan proposes, by start month" });
    const total = (await blocks.locator("tfoot").innerText()).match(/All ([\d,]+) blocks?/);
    const count = Number(total?.[1]?.replace(/,/g, ""));
    expect(count).toBeGreaterThan(0);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export procurement request" }).click();
    const download = await downloading;
    const csv = browserCsv(await readFile(await download.path(), "utf8"));
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain("notice_date");
    expect(lines.length - 1).toBe(count);

    // Save as scenario, then compare it with the baseline.
    const name = `E2E plan ${Date.now()}`;
    const save = page.getByRole("form", { name: "Save as scenario" });
    await save.getByLabel("Scenario name").fill(name);
    await save.getByRole("button", { name: "Save as scenario" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as scenario" })).toContainText(name, { timeout: 30_000 });
    await page.getByRole("link", { name: "compare it with the baseline" }).click();
    await expect(page).toHaveURL(/\/scenarios\/compare\?b=/);
    await expect(page.getByRole("main")).toContainText(name);
  });

  test("a viewer may plan but not save, and a bad cap says what is wrong", async ({ page }) => {
    await new SignInPage(page).signInAs("viewer");
    await page.goto("/plan?cap_provider=abc");
    await expect(page.getByRole("alert").filter({ hasText: "No plan" })).toContainText(
      "The largest provider share must be a percentage from 0 to 100",
    );
    await page.goto("/plan");
    await expect(page.getByTestId("plan-result")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("form", { name: "Save as scenario" })).toHaveCount(0);
  });
});
