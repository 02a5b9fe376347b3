import { expect, test } from "./fixtures";

const KPIS = [
  "Committed spend",
  "Planned spend to date",
  "Accelerators",
  "Utilization",
  "Power headroom",
  "Runway",
  "Expiring in 90 days",
];

test.describe("overview", () => {
  test("shows every KPI with a number and a chart, computed from the database", async ({ page, signInPage }) => {
    await signInPage.signInAs("finance");
    for (const kpi of KPIS) {
      const card = page.getByRole("region", { name: kpi });
      await expect(card).toBeVisible();
      await expect(card.getByTestId("kpi-value")).not.toBeEmpty();
    }
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(KPIS.length - 1);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 800]) {
      test(`renders at ${width}px in the ${colorScheme} theme without horizontal overflow`, async ({ browser, baseURL }, info) => {
        const context = await browser.newContext({ baseURL, colorScheme, viewport: { width, height: 1000 } });
        const page = await context.newPage();
        await page.goto("/signin");
        await page.getByLabel("Email").fill("viewer@headroom.local");
        await page.getByLabel("Password").fill(process.env.HEADROOM_DEMO_PASSWORD ?? "e2e-demo-password");
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
        await page.waitForTimeout(500);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: info.outputPath(`overview-${width}-${colorScheme}.png`), fullPage: true });
        await context.close();
      });
    }
  }
});
