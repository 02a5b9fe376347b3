import { writeFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { buildReport, createShareLink, INVALID_LINK_HEADING, revokeNewestLink, uniqueName } from "./share-helpers";

// The executive journey: a finance lead builds a report, shares it by link, the link opens without a session,
// prints to PDF on A4 and Letter and fits a phone; once revoked, the same URL shows the "link not valid" page.

const SECTIONS = ["Key figures", "Capacity and runway", "Power headroom", "Costs"];
const DAY_MS = 86_400_000;
/** Printed pages of the four-section report at most (it took 14 A4 / 17 Letter pages before compact print CSS). */
const MAX_PAGES = { A4: 12, Letter: 14 } as const;
const medium = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The PDF's page count, from its page objects (Chromium writes them uncompressed). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** A section of the report (KPI cards are regions too, with some of the same names). */
function reportSection(page: Page, label: string) {
  return page.locator(`section.report-section[aria-label="${label}"]`);
}

async function freshContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  expect(await context.cookies()).toEqual([]);
  return context;
}

test.describe("reports", () => {
  test("a finance lead builds a report, shares it, the link prints to PDF and fits a phone, and stops working once revoked", async ({
    page,
    signInPage,
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const project = testInfo.project.name;
    await signInPage.signInAs("finance");
    const name = uniqueName("Board pack", project);
    const note = "Capacity, power and spend for the November board meeting.";
    const report = await buildReport(page, { name, note, sections: SECTIONS, range: "Next 12 months" });

    await test.step("the preview shows the chosen sections with the note", async () => {
      await expect(page.getByRole("paragraph").filter({ hasText: note })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "Preview" })).toBeVisible();
      for (const s of SECTIONS) await expect(reportSection(page, s)).toBeVisible();
      await expect(page.locator("section.report-section")).toHaveCount(SECTIONS.length);
    });

    await test.step("a label over 80 characters is refused with a message and creates no link", async () => {
      const links = page.getByRole("region", { name: "Share links" });
      await links.getByLabel("Label (optional)").fill("x".repeat(81));
      await links.getByRole("button", { name: "Create link" }).click();
      await expect(links.getByText("Label is at most 80 characters.")).toBeVisible({ timeout: 30_000 });
      await expect(links.getByLabel("Label (optional)")).toHaveValue("x".repeat(81)); // kept, to shorten
      await expect(links.getByRole("textbox", { name: "Share link" })).toHaveCount(0);
      await expect(links.getByText("No links yet.")).toBeVisible();
    });

    const label = "Board pack, March";
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const { url, token } = await createShareLink(page, { label });
    await test.step("the URL shown once has a Copy button that puts it on the clipboard", async () => {
      const panel = page.getByTestId("new-share-link");
      await expect(panel).toContainText(`Link “${label}” created.`);
      await panel.getByRole("button", { name: "Copy link" }).click();
      await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    });
    await test.step("the link is listed with its label and first characters, valid for 30 days", async () => {
      await page.reload();
      const rows = page.getByRole("region", { name: "Share links" }).getByRole("row");
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1).getByRole("cell").first()).toHaveText(`${label}/r/${token.slice(0, 6)}…`);
      const expires = await rows.nth(1).getByRole("cell").nth(3).innerText();
      const expected = [0, 1].map((d) => medium.format(new Date(Date.now() + (30 - d) * DAY_MS)));
      expect(
        expected.some((e) => expires.startsWith(e)),
        `expires ${expires}, expected ${expected.join(" or ")}`,
      ).toBe(true);
      await expect(rows.nth(1)).toContainText("Valid");
      await expect(page.getByRole("textbox", { name: "Share link" })).toHaveCount(0); // shown once, never again
    });

    const visitor = await freshContext(browser);
    const shared = await visitor.newPage();
    await test.step("the link opens without a session: the report alone, charts drawn, no way into the app", async () => {
      const res = await shared.goto(url);
      expect(res!.status()).toBe(200);
      await expect(shared.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(shared.getByText(note)).toBeVisible();
      await expect(shared.getByText(/^Data as of \d{1,2} \w+ \d{4} · read-only link, valid until/)).toBeVisible();
      for (const s of SECTIONS) await expect(reportSection(shared, s)).toBeVisible();
      await expect(shared.locator("section.report-section")).toHaveCount(SECTIONS.length);
      const charts = shared.locator(".recharts-surface");
      await expect(charts.first()).toBeVisible({ timeout: 30_000 });
      expect(await charts.count()).toBeGreaterThan(2);
      for (const chart of await charts.all()) expect((await chart.boundingBox())?.width ?? 0).toBeGreaterThan(100);
      // No app shell: no main navigation, no account, no visible button (export links and forms are hidden).
      await expect(shared.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await expect(shared.getByText("finance@headroom.local")).toHaveCount(0);
      await expect(shared.getByRole("button").filter({ visible: true })).toHaveCount(0);
      await expect(shared.getByRole("link", { name: /Export .*CSV/ }).filter({ visible: true })).toHaveCount(0);
      // No link leads into the app: only anchors on this page and its own CSV links under /r/<token>/.
      const token = new URL(url).pathname.split("/").pop()!;
      const hrefs = await shared.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      expect(hrefs.filter((h) => !h.startsWith("#") && !h.startsWith("?") && !h.startsWith(`/r/${token}/`))).toEqual([]);
      await shared.screenshot({ path: testInfo.outputPath("shared-report.png"), fullPage: true });
    });

    await test.step("it prints to PDF on A4 and Letter: a contents list first, sections one after another", async () => {
      await shared.emulateMedia({ media: "print" });
      const contents = shared.getByRole("navigation", { name: "Contents" });
      await expect(contents).toBeVisible();
      await expect(contents.getByRole("link")).toHaveText(SECTIONS);
      await shared.emulateMedia({ media: null });
      for (const format of ["A4", "Letter"] as const) {
        const pdf = await shared.pdf({ format, printBackground: true });
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        // These four sections took 14 A4 (17 Letter) pages with a page break before each and charts enlarged.
        expect(pdfPages(pdf), `${format} pages`).toBeGreaterThan(1);
        expect(pdfPages(pdf), `${format} pages`).toBeLessThanOrEqual(MAX_PAGES[format]);
        const file = testInfo.outputPath(`shared-report-${format}.pdf`);
        await writeFile(file, pdf);
        await testInfo.attach(`shared-report-${format}.pdf`, { path: file, contentType: "application/pdf" });
      }
    });

    await test.step("it fits a phone without scrolling sideways", async () => {
      const phone = await freshContext(browser, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      const small = await phone.newPage();
      await small.goto(url);
      await expect(small.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(small.locator(".recharts-surface").first()).toBeVisible({ timeout: 30_000 });
      const overflow = await small.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(overflow.scroll, `page is ${overflow.scroll}px wide on a ${overflow.client}px screen`).toBeLessThanOrEqual(overflow.client);
      await small.screenshot({ path: testInfo.outputPath("shared-report-phone.png"), fullPage: true });
      await phone.close();
    });

    await test.step("revoked, the same URL shows the 404 page at once", async () => {
      await page.goto(`/reports/${report.id}`);
      await revokeNewestLink(page);
      const res = await shared.goto(url);
      expect(res!.status()).toBe(404);
      await expect(shared.getByRole("heading", { level: 1, name: INVALID_LINK_HEADING })).toBeVisible();
      await expect(shared.getByText(name)).toHaveCount(0);
      await expect(shared.getByText(note)).toHaveCount(0);
    });
    await visitor.close();
  });
});
