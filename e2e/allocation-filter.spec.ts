import { browserCsv, expect, test } from "./fixtures";

// Issue 19 deliverable 7: the team / workload filter on /capacity, /utilization and /costs.
test.describe("team and workload filter", () => {
  test("finance narrows Capacity, Utilization and Costs to one team and exports its showback", async ({ page, signInPage }) => {
    test.setTimeout(180_000); // three planning pages, each computed cold
    await signInPage.signInAs("finance");

    await page.goto("/capacity");
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "\u00a0\u00a0Pre-training" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/team=[0-9a-f-]{36}/);
    await expect(page.getByTestId("allocation-filter")).toContainText("Allocated to Research › Pre-training");
    await expect(page.getByRole("heading", { level: 2, name: /what Research › Pre-training holds/ })).toBeVisible();

    // The filter follows the reader to Utilization (same URL parameters).
    await page.goto(`/utilization${new URL(page.url()).search}`);
    await expect(page.getByTestId("allocation-filter")).toContainText("Allocated to Research › Pre-training");
    await expect(page.getByRole("link", { name: /· Frontier pre-training$/ }).first()).toBeVisible();

    await page.goto(`/costs${new URL(page.url()).search}`);
    await expect(page.getByTestId("allocation-filter")).toContainText("Allocated to Research › Pre-training");
    await expect(page.getByRole("heading", { level: 2, name: "Showback by month" })).toBeVisible();
    // Nothing of the whole estate under the team's label.
    await expect(page.getByRole("heading", { level: 2, name: "Spend by month" })).toHaveCount(0);
    const href = await page.getByRole("link", { name: "Export showback CSV" }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const [header, first] = browserCsv(await csv.text()).split(/\r?\n/);
    expect(header).toBe(
      "month,allocated_to,used_cost_usd,idle_cost_usd,unmeasured_cost_usd,direct_cost_usd,own_cost_usd,shared_cost_usd,total_usd",
    );
    expect(first).toContain(",Research › Pre-training,");

    await page.getByRole("link", { name: "Show everything" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Spend by month" })).toBeVisible();
  });
});
