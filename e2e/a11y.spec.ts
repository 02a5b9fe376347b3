import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import { FIXED_PAGES, recordPages } from "./app-pages";
import { expect, test } from "./fixtures";

// axe on every page, in the light and the dark theme: no serious or critical finding (color contrast, scrollable
// regions without keyboard access, unnamed controls...): every rule in the light theme, the colour rules again in
// the dark one. Each page loads once; the theme follows the emulated colour scheme (the switch stays on
// "system"), so the dark pass needs no reload. Runs on the Postgres project only: the pages are the same on both
// databases, and the layout walk runs on the embedded one, so the two browser processes share the extra work.

type Finding = { page: string; theme: string; rule: string; impact: string; targets: string[] };

/** The rules whose outcome depends on the colours: the only ones run again in the dark theme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe-core itself, put in every document the page loads (once per load, not once per analysis). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function seriousFindings(page: Page, path: string, theme: "light" | "dark"): Promise<Finding[]> {
  // Only violations are gathered in full (passes, incomplete and inapplicable keep one node each).
  const options: RunOptions = {
    resultTypes: ["violations"],
    ...(theme === "dark" ? { runOnly: { type: "rule", values: COLOUR_RULES } } : {}),
  };
  const { violations } = await page.evaluate(
    (opts) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, opts),
    options,
  );
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

/** Pages per test, so each test stays within a bounded time on a busy machine and a failure names its pages. */
const CHUNK = 8;
const chunks: string[][] = [];
for (let i = 0; i < FIXED_PAGES.length; i += CHUNK) chunks.push(FIXED_PAGES.slice(i, i + CHUNK));

async function checkPages(page: Page, paths: readonly string[]): Promise<void> {
  const findings: Finding[] = [];
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    findings.push(...(await seriousFindings(page, path, "light")));
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveClass(/dark/);
    findings.push(...(await seriousFindings(page, path, "dark")));
  }
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
}

test.describe("accessibility", () => {
  test.beforeEach(async ({ page, signInPage }, testInfo) => {
    // Four times the configured test timeout (60 s), for a busy machine: up to eight pages, each analysed twice.
    test.setTimeout(testInfo.timeout * 4);
    await page.emulateMedia({ colorScheme: "light" });
    await page.addInitScript({ content: AXE_SOURCE });
    await signInPage.signInAs("admin");
  });

  for (const paths of chunks) {
    test(`no serious or critical axe finding, light and dark: ${paths[0]} … ${paths.at(-1)}`, async ({ page }) => {
      await checkPages(page, paths);
    });
  }

  test("no serious or critical axe finding, light and dark: a record of each register, a report and its shared link", async ({
    page,
  }, testInfo) => {
    // Twice a chunk's time: nine lists walked to find their records, a report built and shared, ~16 pages analysed.
    test.setTimeout(testInfo.timeout * 2);
    await checkPages(page, await recordPages(page, testInfo.project.name));
  });
});
