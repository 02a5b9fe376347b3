import { readFile } from "node:fs/promises";
import { browserCsv, expect, test } from "./fixtures";

const MONTH = /^[A-Z][a-z]{2} \d{4}$/;

test.describe("capacity", () => {
  test("the infra lead finds when GB200 runs out and what it depends on, on one screen", async ({ page, signInPage }) => {
    await signInPage.signInAs("infra");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Capacity", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();
    await page.getByLabel("Family", { exact: true }).selectOption("GB200");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/family=GB200/);

    const answer = page.getByTestId("capacity-answer");
    await expect(answer).toContainText("GB200 runs out of capacity in");
    const runway = (await answer.getByTestId("runway-month").textContent())!.trim();
    expect(runway).toMatch(MONTH);
    await expect(answer).toContainText("It depends on");
    await expect(answer).toContainText("at the upper 95 % band");

    // The runway table says the same month for GB200.
    const runwayRow = page.getByRole("table", { name: "Runway per family and overall, in H100e" }).getByRole("row", { name: /GB200/ });
    await expect(runwayRow).toContainText(runway);

    // What drives it: the seeded frontier run is the largest GB200 plan ahead; the sensitivity table lists the bands.
    const drivers = page.getByRole("region", { name: "What drives the runway of GB200" });
    await expect(drivers.getByRole("row", { name: /Frontier pretraining run F-7/ })).toBeVisible();
    await expect(drivers.getByRole("row", { name: /Demand at the upper 95 % band/ })).toBeVisible();
    await expect(drivers.getByRole("row", { name: /Forecast only \(no demand plans\)/ })).toBeVisible();

    // The chart with its bands, and its table of 24 forecast months.
    const chart = page.getByRole("region", { name: /Capacity vs demand, GB200, in H100e/ });
    await expect(chart.locator(".recharts-surface")).toBeVisible();
    await chart.getByText("View as table").click();
    const monthly = chart.getByRole("table", { name: /Capacity, demand and gap per month for GB200/ });
    await expect(monthly.locator("tbody tr")).toHaveCount(24);

    // The gap table exports as CSV: one row per month for the family.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export gap table CSV" }).click();
    const csv = browserCsv(await readFile(await (await download).path(), "utf8"));
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      "family,month,capacity,forecast_use,planned,demand_median,demand_lower80,demand_upper80,demand_lower95,demand_upper95,gap,unit,scenario",
    );
    expect(lines.slice(1).filter((l) => l.startsWith("GB200,"))).toHaveLength(24);

    // Grouping by provider in accelerators keeps the family filter and re-labels the gap table.
    await page.getByLabel("Group by", { exact: true }).selectOption("provider");
    await page.getByLabel("Unit", { exact: true }).selectOption("accelerators");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/by=provider/);
    await expect(page.getByRole("heading", { name: "Gap by provider, in accelerators" })).toBeVisible();
    await expect(page.getByTestId("runway-month")).toHaveText(runway);
  });

  test("a viewer reads the same GB200 runway and can change nothing", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/capacity?family=GB200");
    await expect(page.getByTestId("capacity-answer")).toContainText("GB200 runs out of capacity in");
    await expect(page.getByTestId("runway-month")).toHaveText(MONTH);
    const main = page.getByRole("main");
    // Only the filter form's Apply button: no write control on the page.
    await expect(main.getByRole("button")).toHaveText(["Apply"]);
    const response = await page.request.get("/capacity/export.csv?family=GB200&table=runway");
    expect(response.status()).toBe(200);
    expect(browserCsv(await response.text())).toMatch(/^family,runway_month,forecast_method,history_months,scenario\r\nGB200,\d{4}-\d{2},/);
  });
});
