import { expect, test } from "./fixtures";

// The demo holds more of some families than their allocations and forecast need, so next quarter shows a surplus with a value.
test.describe("surplus and resale", () => {
  test("a viewer reads what could be resold next quarter and the external customer's margin", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/allocation/surplus");
    await expect(page.getByRole("heading", { level: 1, name: "Surplus & resale" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^What could we resell next quarter/ })).toBeVisible();

    const nextQuarter = page.getByRole("table", { name: /^Surplus per family next quarter/ });
    // Families are sorted by next quarter's surplus: the demo's TPU v6e blocks are held well beyond their allocations and need.
    const first = nextQuarter.locator("tbody tr").first();
    const accelerators = Number((await first.getByRole("cell").first().textContent())!.replace(/,/g, ""));
    expect(accelerators).toBeGreaterThan(0);
    await expect(first).toContainText("$");
    await expect(page.getByText(/accelerators are free in every month of the quarter/)).toBeVisible();

    await expect(page.getByRole("table", { name: /^Surplus per family and month/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "External workloads" }).getByRole("table").first()).toContainText("Margin");
  });

  test("keeps the months in the URL", async ({ page, signInPage }) => {
    await signInPage.signInAs("finance");
    const from = new Date();
    const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    await page.goto(`/allocation/surplus?from=${next}&to=${next}`);
    const rows = page.getByRole("table", { name: /^Surplus per family and month/ }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const months = new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent)));
    expect(months.size).toBe(1);
  });
});
