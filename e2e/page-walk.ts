import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";
import { FIXED_PAGES, recordPages } from "./app-pages";
import { expect, test } from "./fixtures";

// Every page, loaded once: it never scrolls sideways at a laptop (1280 px), a small tablet (800 px) or a phone
// (390 px) — wide tables scroll inside their own region — and axe finds nothing serious or critical (colour
// contrast, scrollable regions without keyboard access, unnamed controls…): every rule in the light theme, the
// colour rules again in the dark one. The theme follows the emulated colour scheme (the switch stays on "system"),
// so the dark pass needs no reload. The pages are the same on both databases, so the walk is shared out between the
// two browser projects (pages-embedded.spec.ts, pages-postgres.spec.ts), which run side by side.

type Finding = { page: string; theme: string; rule: string; impact: string; targets: string[] };

const WIDTHS = [1280, 800, 390] as const;
const HEIGHT = 900;

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

/** How far the page scrolls sideways (0 when it fits), once charts have followed the new width. */
async function sidewaysOverflow(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return el.scrollWidth - el.clientWidth;
  });
}

async function walk(page: Page, paths: readonly string[]): Promise<void> {
  const findings: Finding[] = [];
  const overflowing: string[] = [];
  const fits = async (path: string, width: number) => {
    const over = await sidewaysOverflow(page);
    if (over > 0) overflowing.push(`${path} at ${width} px: ${over} px too wide`);
  };
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await page.goto(path);
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await fits(path, WIDTHS[0]);
    findings.push(...(await seriousFindings(page, path, "light")));
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html")).toHaveClass(/dark/);
    findings.push(...(await seriousFindings(page, path, "dark")));
    for (const width of WIDTHS.slice(1)) {
      await page.setViewportSize({ width, height: HEIGHT });
      await fits(path, width);
    }
  }
  // Soft: the axe findings are still reported when a page overflows.
  expect.soft(overflowing).toEqual([]);
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
}

/** Pages per test, so each test stays within a bounded time on a busy machine and a failure names its pages. */
const CHUNK = 8;
const CHUNKS: string[][] = [];
for (let i = 0; i < FIXED_PAGES.length; i += CHUNK) CHUNKS.push(FIXED_PAGES.slice(i, i + CHUNK));

/**
 * The walk's tests for one project: the chunks of fixed pages whose index `chunks` accepts, and, with `records`,
 * one record of each register, a report and its shared link.
 */
export function describeWalk(share: { chunks: (index: number) => boolean; records: boolean }): void {
  test.describe("every page fits 390, 800 and 1280 px with no serious axe finding, light and dark", () => {
    test.beforeEach(async ({ page, signInPage }, testInfo) => {
      // Five times the configured test timeout (60 s), for a busy machine: up to eight pages, each at three widths
      // and analysed twice.
      test.setTimeout(testInfo.timeout * 5);
      await page.emulateMedia({ colorScheme: "light" });
      await page.addInitScript({ content: AXE_SOURCE });
      await signInPage.signInAs("admin");
    });

    for (const [index, paths] of CHUNKS.entries()) {
      if (!share.chunks(index)) continue;
      test(`${paths[0]} … ${paths.at(-1)}`, async ({ page }) => {
        await walk(page, paths);
      });
    }

    if (share.records)
      test("a record of each register, a report and its shared link", async ({ page }, testInfo) => {
        // Eight times the configured timeout: 13 lists walked to find their records, a report built and shared, then
        // ~22 pages walked (a chunk has eight).
        test.setTimeout(testInfo.timeout * 8);
        await walk(page, await recordPages(page, testInfo.project.name));
      });
  });
}
