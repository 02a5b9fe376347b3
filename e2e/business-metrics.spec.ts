import { expect, test } from "./fixtures";

function isoDaysAgo(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days)).toISOString().slice(0, 10);
}

test.describe("business metrics", () => {
  test.describe.configure({ timeout: 120_000 });

  test("finance uploads a metrics CSV, is shown a bad line by column, and sees the series on the workload page", async ({
    page,
    signInPage,
  }) => {
    const metric = `e2e_tokens_${Date.now()}`;
    await signInPage.signInAs("finance");
    await page.goto("/imports");
    const file = page.getByLabel("Business metrics file");
    // The upload card: the innermost element holding both its description and its file input.
    const card = page.locator("div", { has: file }).filter({ hasText: "Daily figures per workload" }).last();

    const bad = `workload,metric,day,value\nChat inference,${metric},${isoDaysAgo(2)},100\nChat inference,Tokens Served,${isoDaysAgo(1)},5\n`;
    await file.setInputFiles({ name: "bad-metrics.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await card.getByRole("button", { name: "Import" }).click();
    await expect(card.getByText(/The file was rejected and nothing was loaded/)).toBeVisible({ timeout: 30_000 });
    await expect(card.getByRole("cell", { name: /lower-case snake case/ })).toBeVisible();

    const good =
      `Workload,Metric,Day,Value\n` +
      `Chat inference,${metric},${isoDaysAgo(3)},1000\n` +
      `chat inference,${metric},${isoDaysAgo(2)},2500.5\n` +
      `Chat inference,${metric},${isoDaysAgo(1)},4000\n`;
    await file.setInputFiles({ name: "metrics.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await card.getByRole("button", { name: "Import" }).click();
    await expect(card.getByText(/Loaded 3 rows/)).toBeVisible({ timeout: 30_000 });
    await expect(card.getByText(/3 daily values/)).toBeVisible();

    await page.goto("/allocation/workloads");
    await page.getByRole("link", { name: "Chat inference", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Chat inference" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Business metrics" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: /Tokens served/ })).toBeVisible();
    const panel = page.getByRole("region", { name: new RegExp(metric) });
    await expect(panel.getByRole("img", { name: /per day/ })).toBeVisible();
    await expect(panel.getByText("4,000", { exact: true })).toBeVisible();
    await expect(panel.getByText("7,500.5", { exact: true })).toBeVisible();
    await panel.getByText("View as table").click();
    await expect(panel.getByRole("cell", { name: "2,500.5" })).toBeVisible();
  });
});
