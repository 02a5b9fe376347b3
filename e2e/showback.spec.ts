import { readFile } from "node:fs/promises";
import { browserCsv, expect, test } from "./fixtures";

// "$1,234,567.89" → cents as a bigint, so sums are exact.
const cents = (text: string) => {
  const m = /(-?)\$([\d,]+)\.(\d\d)/.exec(text);
  if (!m) throw new Error(`No amount in "${text}"`);
  return (m[1] ? -1n : 1n) * BigInt(m[2]!.replace(/,/g, "") + m[3]);
};

test.describe("showback", () => {
  test.describe.configure({ timeout: 120_000 });

  test("finance reads the showback of one team, drills to a workload and exports a chargeback that adds up", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signInAs("finance");
    await page.getByRole("navigation").getByRole("link", { name: "Showback" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Showback" })).toBeVisible();

    // Four months by default, each adding up to the Costs page's total and saying whether it is actual or planned.
    const invariant = page.getByTestId("showback-invariant");
    const months = invariant.locator("tbody tr");
    await expect(months).toHaveCount(4);
    for (const row of await months.all()) {
      await expect(row).toContainText("Adds up");
      await expect(row).toContainText(/Actual \(billed\)|Planned|Actual \+ planned/);
    }
    await expect(months.last()).toContainText("Planned"); // the current month is not billed yet

    // One month: Research rolls up its sub-teams; its workload rows and the Unallocated row are there.
    const lastComplete = await months.nth(2).getAttribute("data-month");
    await page.getByRole("navigation", { name: "Month shown" }).getByRole("link").nth(2).click();
    await expect(page).toHaveURL(new RegExp(`month=${lastComplete}`));
    const table = page.getByTestId("showback-table");
    const research = table.locator('tr[data-team="Research"]');
    await expect(research).toBeVisible();
    await expect(table.locator('tr[data-team="Pre-training"]')).toBeVisible();
    await expect(table.locator('tr[data-workload="Frontier pre-training"]')).toBeVisible();
    await expect(table.locator('tr[data-team="Unallocated"]')).toBeVisible();
    for (const header of ["Allocated AH", "H100e·h", "Used AH", "Idle AH", "Used cost", "Idle cost", "Shared", "Total"])
      await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    const researchTotal = cents((await research.locator("td").last().textContent())!);
    const childTotals = await Promise.all(
      ["Pre-training", "Post-training"].map(async (t) => cents((await table.locator(`tr[data-team="${t}"] td`).last().textContent())!)),
    );
    expect(researchTotal > childTotals[0]! + childTotals[1]!).toBe(true); // its own workload and share on top

    // Drill: the team's page shows its workloads per month; the workload's page its months and blocks.
    await research.getByRole("link", { name: "Research" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Research" })).toBeVisible();
    const teamShowback = page.getByTestId("team-showback");
    await expect(teamShowback).toContainText("Pre-training");
    await expect(teamShowback).toContainText("Shared (pools)");
    await teamShowback.getByRole("link", { name: "Multimodal research" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Multimodal research" })).toBeVisible();
    await expect(page.getByTestId("workload-showback").locator("tbody tr")).toHaveCount(4);
    const block = page.getByTestId("allocated-block").first();
    await expect(block).toBeVisible();
    const blockName = (await block.getByRole("link").textContent())!;
    await block.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: blockName })).toBeVisible();

    // The chargeback CSV: a row per team and month and an Unallocated row a month, each month adding up to its total.
    await page.goto("/allocation");
    const costTotals = new Map<string, bigint>();
    for (const row of await page.getByTestId("showback-invariant").locator("tbody tr").all())
      costTotals.set((await row.getAttribute("data-month"))!, cents((await row.locator("td").nth(4).textContent())!));
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Chargeback CSV" }).click();
    const csv = browserCsv(await readFile(await (await download).path(), "utf8"));
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header).toBe("team,cost_centre,parent_path,month,currency,used_cost,idle_cost,unmeasured_cost,direct_cost,shared_cost,total");
    const rows = lines.map((l) => l.split(","));
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(costTotals.keys()));
    for (const [month, total] of costTotals) {
      const mine = rows.filter((r) => r[3] === month);
      expect(mine.at(-1)![0]).toBe("Unallocated");
      expect(mine.some((r) => r[0] === "Pre-training" && r[1] === "CC-1100" && r[2] === "Research" && r[4] === "USD")).toBe(true);
      const sum = mine.reduce((s, r) => s + BigInt(r[10]!.replace(".", "")), 0n);
      expect(sum, month).toBe(total);
    }
  });

  test("fits a phone: the tables scroll in their own box, not the page", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/allocation");
    await expect(page.getByRole("heading", { level: 1, name: "Showback" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("link", { name: "Chargeback CSV" })).toBeVisible();
  });
});
