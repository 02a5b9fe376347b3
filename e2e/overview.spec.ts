import { expect, test } from "./fixtures";

// Every KPI, the page it links to (a prefix of the link's path and query) and how that page's heading reads.
const KPIS = [
  { name: "Committed spend", href: "/contracts", heading: "Contracts" },
  { name: "Spend to date", href: "/costs?from=", heading: "Costs" },
  { name: "12-month forecast", href: "/costs?range=12m", heading: "Costs" },
  { name: "Accelerators", href: "/capacity", heading: "Capacity" },
  { name: "Utilization", href: "/utilization?range=last30d", heading: "Utilization" },
  { name: "Power headroom", href: "/power?range=12m", heading: "Power" },
  { name: "Expiring in 90 days", href: "/reservations", heading: "Reservations" },
  { name: "Runway", href: "/capacity", heading: "Capacity" },
];

test.describe("overview", () => {
  test("shows every KPI with a number, a chart and a link to its page", async ({ page, signInPage }) => {
    await signInPage.signInAs("finance");
    for (const kpi of KPIS) {
      const card = page.getByRole("region", { name: kpi.name, exact: true });
      await expect(card).toBeVisible();
      await expect(card.getByTestId("kpi-value")).not.toBeEmpty();
      await expect(card.locator(".recharts-surface").first()).toBeVisible();
      expect(await card.getByTestId("kpi-link").getAttribute("href")).toMatch(new RegExp(`^${kpi.href.replace(/[?]/g, "\\?")}`));
    }
    await expect(page.getByRole("region", { name: "Spend to date", exact: true })).toContainText("actual from billing");

    const forecast = page.getByRole("region", { name: "12-month forecast", exact: true });
    await forecast.getByTestId("kpi-link").click();
    await expect(page).toHaveURL(/\/costs\?range=12m/);
    await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  });

  test("the Utilization card and the page it links to give one figure for the same 30 days", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    const card = page.getByRole("region", { name: "Utilization", exact: true });
    // "73.3 %" followed by the unit "last 30 days"
    const value = /^\d+(\.\d)? %/.exec((await card.getByTestId("kpi-value").textContent())!.trim())?.[0];
    expect(value).toBeTruthy();
    await card.getByTestId("kpi-link").click();
    // The page computes a month of daily rollups: allow it the time a loaded machine needs.
    await expect(page).toHaveURL(/\/utilization\?range=last30d$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Utilization" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("navigation", { name: "Date range presets" }).locator("[aria-current]")).toHaveText("Last 30 days");
    const kpi = page
      .getByTestId("utilization-kpis")
      .locator("div")
      .filter({ has: page.getByText("Utilization", { exact: true }) });
    await expect(kpi.locator("dd")).toHaveText(value!);
  });

  test("switches to a scenario and keeps it on the links, the runway matching the Capacity page", async ({ page, signInPage }) => {
    await signInPage.signInAs("infra");
    await page.getByLabel("Scenario").selectOption({ label: "Baseline +30 % demand" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/scenario=/);
    await expect(page.getByTestId("scenario-banner")).toContainText("Baseline +30 % demand");
    await expect(page.getByText(/^As of .*scenario Baseline \+30 % demand/)).toBeVisible();

    const runway = page.getByRole("region", { name: "Runway", exact: true });
    const value = (await runway.getByTestId("kpi-value").textContent())!.trim();
    for (const name of ["Spend to date", "12-month forecast", "Power headroom", "Runway"]) {
      expect(await page.getByRole("region", { name, exact: true }).getByTestId("kpi-link").getAttribute("href")).toContain("scenario=");
    }
    await runway.getByTestId("kpi-link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();
    await expect(page.getByTestId("scenario-banner")).toContainText("Baseline +30 % demand");
    if (value.startsWith("Beyond")) await expect(page.getByTestId("capacity-answer")).toContainText("no runway limit");
    else await expect(page.getByTestId("runway-month")).toHaveText(value);
  });
});
