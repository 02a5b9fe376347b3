import { expect, test } from "./fixtures";

test.describe("unit economics", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a viewer reads the demo's $ per 1M tokens trend, the workload whose cost rises while its tokens fall, and one workload's months", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signInAs("viewer");
    await page.getByRole("link", { name: "Unit economics" }).first().click();
    // The first read after start computes the showback of a year: allow it time.
    await expect(page.getByRole("heading", { level: 1, name: "Unit economics" })).toBeVisible({ timeout: 30_000 });

    // The demo's API traffic slips over its last six weeks while its blocks cost as much: listed at the top.
    const rising = page.getByRole("region", { name: "Cost rises while tokens fall" });
    await expect(rising).toBeVisible();
    await expect(rising.getByRole("link", { name: "API inference" })).toBeVisible();

    const inference = page.getByRole("region", { name: /Inference: \$ per 1M tokens served/ });
    for (const name of ["Chat inference", "API inference"]) {
      const panel = inference.getByRole("region", { name });
      await expect(panel.getByRole("img", { name: `${name}: $ per 1M tokens by month` })).toBeVisible();
      await expect(panel.getByText(/per 1M tokens in/)).toBeVisible();
    }
    const chat = inference.getByRole("region", { name: "Chat inference" });
    await chat.getByText("View as table").click();
    const table = chat.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "$ per 1M tokens" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Profile estimate" })).toBeVisible();
    // A fully reported month (its "Days reported" cell reads "N of N") has a dollar figure per 1M tokens. Read in
    // Node: Playwright's hasText rewrites a regular expression, so a backreference in it never matches.
    const months = await table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader") })
      .all();
    const full: string[][] = [];
    for (const row of months) {
      const [, , days, perMillion] = await row.getByRole("cell").allInnerTexts(); // cost, tokens, days, $ per 1M, profile
      if (/^(\d+) of \1$/.test(days!.trim())) full.push([days!, perMillion!]);
    }
    expect(full.length).toBeGreaterThan(0);
    for (const [days, perMillion] of full) expect(perMillion, days).toMatch(/^\$\d/);

    const training = page.getByRole("region", { name: /Training: \$ per 1M training tokens/ });
    await expect(training.getByRole("region", { name: "Frontier pre-training" })).toBeVisible();
    await expect(page.getByRole("group", { name: /by workload and month/ })).toBeVisible();

    await page.getByRole("link", { name: "Last 6 months" }).click();
    await expect(page).toHaveURL(/months=6/);
    await expect(page.getByLabel("From")).toHaveValue(/^\d{4}-\d{2}$/);

    await page.goto("/allocation/workloads");
    await page.getByRole("link", { name: "API inference", exact: true }).click();
    const section = page.getByRole("region", { name: "$ per 1M tokens" });
    await expect(section.getByRole("columnheader", { name: "$ per 1M tokens" })).toBeVisible({ timeout: 30_000 });
    await expect(section.getByText(/tokens per day fell/)).toBeVisible();
  });
});
