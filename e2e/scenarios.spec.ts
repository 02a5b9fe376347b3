import type { Browser, Page } from "@playwright/test";
import { browserCsv, expect, SignInPage, test } from "./fixtures";

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? "/tmp/headroom-shots";

function isoMonth(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

async function signedIn(browser: Browser, role: "infra" | "viewer", baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new SignInPage(page).signInAs(role);
  return page;
}

// The cells of the row whose header (first cell) is `name`, in a table captioned `caption`.
function rowCells(page: Page, caption: string, name: string) {
  return page
    .getByRole("table", { name: caption })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) })
    .getByRole("cell");
}

test.describe("scenarios", () => {
  test("infra creates a scenario with an extra GB200 reservation and sees it move runway, spend and headroom against the baseline", async ({
    browser,
    baseURL,
  }) => {
    const page = await signedIn(browser, "infra", baseURL);
    const name = `E2E more GB200 ${Date.now()}`;
    await page.goto("/scenarios");
    await page.getByRole("link", { name: "New scenario" }).click();
    const form = page.getByRole("form", { name: "New scenario" });
    await form.getByLabel("Scenario name").fill(name);
    await form.getByRole("button", { name: "Add a reservation" }).click();
    const added = form.getByRole("group", { name: "Added reservation 1" });
    await added.getByLabel("Reservation name").fill("Abilene phase 3");
    await added.getByLabel("Provider").selectOption({ label: "Oracle OCI" });
    await added.getByLabel("Site").selectOption({ label: "Abilene" });
    await added.getByLabel("Accelerator type").selectOption({ label: "NVIDIA GB200" });
    await added.getByLabel("Quantity").fill("100000");
    await added.getByLabel("Start").fill(isoMonth(1));
    await added.getByLabel("End").fill(isoMonth(37));
    await added.getByLabel("Rate (USD per accelerator-hour)").fill("-1");

    // A bad rate is refused beside its field and nothing is saved.
    await form.getByRole("button", { name: "Create scenario" }).click();
    await expect(added.getByText("Rate must be between 0 and 1000000.")).toBeVisible();
    await expect(page).toHaveURL(/\/scenarios\/new$/);

    await added.getByLabel("Rate (USD per accelerator-hour)").fill("5.00");
    await form.getByRole("button", { name: "Create scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("overrides")).toContainText("Adds Abilene phase 3: 100,000 × NVIDIA GB200 at Abilene (Oracle OCI)");
    await expect(page.getByTestId("history")).toContainText("scenario.create");
    // Saved: the page says so and names the site and months the block pushes over its power budget.
    await expect(page.getByRole("status").filter({ hasText: "Scenario saved." })).toContainText(
      /Abilene over budget \w{3} \d{4}.*, lowest headroom -?[\d.,]+ MW → -[\d.,]+ MW/,
    );
    await expect(page.getByTestId("power-impact").getByRole("listitem").filter({ hasText: "Abilene over budget" })).toBeVisible();
    const scenarioUrl = page.url().replace(/\?.*$/, "");
    const scenarioId = scenarioUrl.split("/").pop()!;

    // Capacity in the scenario shows its runway and gap against the baseline.
    await page.goto(`/capacity?scenario=${scenarioId}`);
    const delta = page.getByTestId("capacity-delta");
    await expect(delta).toContainText(`“${name}” against the baseline: runway of all families`);
    await expect(delta.getByTestId("runway-move")).toHaveText(/→|unchanged/);
    await expect(delta.getByTestId("gap-change")).toHaveText(/^\+[\d,]+$/);
    const runwayRow = rowCells(page, "Runway per family and overall, in H100e", "GB200");
    await expect(runwayRow.nth(2)).not.toHaveText("unchanged");
    const gapRow = rowCells(page, "Gap change (scenario − baseline) by family and month, in H100e", "GB200");
    await expect(gapRow.last()).toHaveText(/^\+[\d,]+$/);
    await page.screenshot({ path: `${SHOTS}/capacity-scenario-delta.png`, fullPage: true });
    await page.goto(`/power?scenario=${scenarioId}`);
    await expect(page.getByTestId("power-delta")).toContainText("Abilene over budget");
    await page.goto(`/costs?scenario=${scenarioId}`);
    await expect(page.getByTestId("spend-change")).toHaveText(/^\+\$[\d,]+\.\d\d$/);
    await page.goto(scenarioUrl);

    await page.getByRole("link", { name: "Compare with baseline" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Compare scenarios" })).toBeVisible();
    await expect(page.getByLabel("Side B", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    const gb200 = rowCells(page, "Runway per family, side A and side B", "GB200");
    const baselineRunway = await gb200.nth(0).textContent();
    await expect(gb200.nth(1)).not.toHaveText(baselineRunway ?? "");
    // 100,000 GB200 × $5 × every hour: the scenario plans more spend, and Abilene's headroom shrinks.
    await expect(page.getByTestId("compare-kpis")).toContainText(`${name} · +$`);
    await expect(rowCells(page, "Tightest headroom per site, side A and side B", "Abilene").nth(2)).toHaveText(/^−/);
    await page.screenshot({ path: `${SHOTS}/scenarios-compare.png`, fullPage: true });
    const csv = await page.request.get(page.url().replace("/scenarios/compare", "/scenarios/compare/export.csv"));
    expect(csv.status()).toBe(200);
    const lines = browserCsv(await csv.text())
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("section,item,month,a,b,b_minus_a,note");
    expect(lines.some((l) => l.startsWith("tightest_headroom_mw,Abilene,"))).toBe(true);

    // The registers are untouched: the reservation exists only in the scenario.
    await page.goto("/reservations?q=Abilene%20phase%203");
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();
  });

  test("infra gives a scenario a demand plan of its own, counted in that scenario only", async ({ browser, baseURL }) => {
    const page = await signedIn(browser, "infra", baseURL);
    const scenario = `E2E own plan ${Date.now()}`;
    await page.goto("/scenarios/new");
    await page.getByRole("form", { name: "New scenario" }).getByLabel("Scenario name").fill(scenario);
    await page.getByRole("button", { name: "Create scenario" }).click();
    await expect(page.getByRole("heading", { level: 1, name: scenario })).toBeVisible();
    await expect(page.getByText("No overrides: this scenario equals the baseline")).toBeVisible();

    await page.getByRole("link", { name: "Add a demand plan to this scenario" }).click();
    const form = page.getByRole("form", { name: "New demand plan" });
    await expect(form.getByLabel("Scenario")).toHaveValue(/[0-9a-f-]{36}/);
    const plan = `${scenario} inference`;
    await form.getByLabel("Name").fill(plan);
    await form.getByLabel("Kind").selectOption("inference");
    await form.getByLabel("Accelerator family").selectOption("GB200");
    await form.getByLabel("Accelerators").fill("2048");
    await form.getByLabel("Start date").fill(isoMonth(2));
    await form.getByLabel("End date").fill(isoMonth(8));
    await form.getByRole("button", { name: "Create demand plan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: plan })).toBeVisible();
    await expect(page.getByRole("link", { name: scenario })).toBeVisible();

    await page.goto("/demand-plans?scenario=baseline");
    await expect(page.getByRole("link", { name: plan })).toHaveCount(0);
    await page.goto("/scenarios");
    await page.getByRole("link", { name: scenario }).click();
    await page.getByRole("link", { name: "1 demand plan of its own" }).click();
    await expect(page.getByRole("link", { name: plan })).toBeVisible();
  });

  test("a viewer reads scenarios, the comparison and demand plans but gets no create, edit or archive controls", async ({
    browser,
    baseURL,
  }) => {
    const page = await signedIn(browser, "viewer", baseURL);
    await page.goto("/scenarios");
    await expect(page.getByRole("heading", { level: 1, name: "Scenarios" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New scenario" })).toHaveCount(0);
    await page.getByRole("link", { name: "Baseline +30 % demand" }).click();
    await expect(page.getByTestId("overrides")).toContainText("Demand forecast +30 %");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
    await page.getByRole("link", { name: "Compare with baseline" }).click();
    await expect(page.getByRole("table", { name: "Runway per family, side A and side B" })).toBeVisible();
    const response = await page.goto("/scenarios/new");
    expect(response?.status()).toBe(404);
    await page.goto("/demand-plans");
    await expect(page.getByRole("link", { name: "Frontier pretraining run F-7" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New demand plan" })).toHaveCount(0);
    expect((await page.goto("/demand-plans/new"))?.status()).toBe(404);
  });
});
