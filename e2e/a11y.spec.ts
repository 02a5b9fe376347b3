import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { allPages } from "./app-pages";
import { expect, test } from "./fixtures";

// axe on every page, in the light and the dark theme: no serious or critical finding (color contrast, scrollable
// regions without keyboard access, unnamed controls...): every rule in the light theme, the colour rules again in
// the dark one. Each page loads once; the theme follows the emulated colour scheme (the switch stays on
// "system"), so the dark pass needs no reload. Runs on the embedded project only: the pages are the same on both
// databases.

type Finding = { page: string; theme: string; rule: string; impact: string; targets: string[] };

/** The rules whose outcome depends on the colours: the only ones run again in the dark theme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function seriousFindings(page: Page, path: string, theme: "light" | "dark"): Promise<Finding[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (theme === "dark" ? axe.withRules(COLOUR_RULES) : axe).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      page: path,
      theme,
      rule: v.id,
      impact: v.impact!,
      targets: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.split("\n")[1]?.trim()}` : ""}`),
    }));
}

test.describe("accessibility", () => {
  test("every page has no serious or critical axe finding in the light and the dark theme", async ({ page, signInPage }, testInfo) => {
    test.skip(testInfo.project.name !== "embedded", "the pages are the same on both databases");
    // Five times the configured test timeout (60 s): ~47 pages, each analysed twice.
    test.setTimeout(testInfo.timeout * 5);
    await page.emulateMedia({ colorScheme: "light" });
    await signInPage.signInAs("admin");
    const pages = await allPages(page, testInfo.project.name);
    const findings: Finding[] = [];
    for (const path of pages) {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(path);
      await expect(page.locator("html")).not.toHaveClass(/dark/);
      findings.push(...(await seriousFindings(page, path, "light")));
      await page.emulateMedia({ colorScheme: "dark" });
      await expect(page.locator("html")).toHaveClass(/dark/);
      findings.push(...(await seriousFindings(page, path, "dark")));
    }
    expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
  });
});
