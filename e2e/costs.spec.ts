import { readFile } from "node:fs/promises";
import { browserCsv, expect, test } from "./fixtures";

const COMPARISON_HEADER =
  "provider,family,actual_months,planned_months,capacity_ah,used_ah,utilization,cost_usd,usd_per_ah_held,usd_per_useful_ah," +
  "usd_per_useful_h100e_hour,usd_per_pflop_hour,tokens_per_second,usd_per_million_tokens,list_usd_per_useful_ah," +
  "contracted_usd_per_useful_ah,billed_effective_usd_per_useful_ah";

test.describe("costs and utilization", () => {
  test("the finance lead compares providers, edits the workload profile and exports the comparison", async ({ page, signInPage }) => {
    await signInPage.signInAs("finance");
    await page.getByRole("link", { name: "Costs", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();

    const answer = page.getByTestId("cheapest-answer");
    await expect(
      answer.getByText("Which provider gives the cheapest useful H100-equivalent hour on our rates and our utilization?"),
    ).toBeVisible();
    await expect(answer).toContainText(/per useful H100e·h/);

    // Actual and planned are told apart: billed months are listed per provider.
    await expect(page.getByTestId("spend-sources")).toContainText("every other month is planned");
    await expect(page.getByTestId("spend-sources").getByRole("listitem").first()).toBeVisible();

    const table = page.getByRole("table", { name: "Provider comparison per provider and accelerator family" });
    await expect(table.locator("tbody tr").first()).toBeVisible();

    // A workload profile lives in the URL and changes $ per 1M tokens.
    const profile = page.getByRole("form", { name: "Workload profile" });
    await profile.getByLabel("H100", { exact: true }).fill("6000");
    await profile.getByRole("button", { name: "Apply profile" }).click();
    await expect(page).toHaveURL(/tps\.H100=6000/);
    await expect(page.getByRole("form", { name: "Workload profile" }).getByLabel("H100", { exact: true })).toHaveValue("6000");

    const rows = await table.locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export comparison CSV" }).click();
    const text = browserCsv(await readFile(await (await download).path(), "utf8"));
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(COMPARISON_HEADER);
    expect(lines).toHaveLength(rows + 1);
    // The edited profile travels with the export: every H100 row carries 6000 tokens/s.
    const h100 = lines.slice(1).filter((l) => l.split(",")[1] === "H100");
    expect(h100.length).toBeGreaterThan(0);
    for (const line of h100) expect(line.split(",")[12]).toBe("6000");
  });

  test("a viewer reads costs and utilization and may export, but changes nothing", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/costs");
    await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Spend by month" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Commitments and savings" })).toBeVisible();
    await expect(page.getByTestId("commitment-kpis")).toContainText("Effective savings rate");
    await expect(page.getByRole("link", { name: "Export comparison CSV" })).toBeVisible();
    await page.getByText("View spend by month as a table").click();
    await expect(page.getByRole("table", { name: /Spend per month by provider/ })).toBeVisible();

    await page.getByRole("link", { name: "Utilization", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Utilization" })).toBeVisible();
    await expect(page.getByTestId("utilization-kpis")).toContainText("Idle cost");
    const worst = page.getByRole("table", { name: "Blocks with the largest idle cost in the period" });
    await expect(worst.locator("tbody tr").first()).toBeVisible();
    await page.getByRole("link", { name: "Daily" }).click();
    await expect(page).toHaveURL(/grain=day/);
    await expect(page.getByRole("heading", { name: /Utilization by family over time/ })).toBeVisible();

    // Read-only: no form on either page writes anything (only GET filters and the profile).
    for (const path of ["/costs", "/utilization"]) {
      await page.goto(path);
      const methods = await page
        .locator("main form")
        .evaluateAll((forms) => forms.map((f) => (f.getAttribute("method") ?? "get").toLowerCase()));
      expect(methods.every((m) => m === "get")).toBe(true);
    }
    const response = await page.request.get("/utilization/blocks.csv");
    expect(response.status()).toBe(200);
    expect(browserCsv(await response.text()).split("\r\n")[0]).toBe(
      "block,provider,site,family,pricing_model,rate,currency,capacity_ah,used_ah,utilization,idle_ah,idle_cost_usd",
    );
  });
});
