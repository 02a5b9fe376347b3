import { expect, test } from "./fixtures";
import { buildReport, createShareLink, uniqueName } from "./share-helpers";

// A shared report's token is in its URL: the page and every other /r/ response say, as HTTP headers, that the
// URL must not travel in a Referer and must not be indexed (not only as meta tags in the HTML).

test("shared report pages, their CSV and invalid links send Referrer-Policy: no-referrer and X-Robots-Tag: noindex", async ({
  page,
  signInPage,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  await signInPage.signInAs("finance");
  await buildReport(page, { name: uniqueName("Headers", testInfo.project.name), note: "Headers.", sections: ["Key figures"] });
  const { url } = await createShareLink(page);
  const anonymous = await playwright.request.newContext();
  try {
    for (const target of [url, `${url}/csv/kpis`, url.replace(/[^/]+$/, "not-a-valid-token")]) {
      const response = await anonymous.get(target, { maxRedirects: 0 });
      expect(response.status(), target).toBeLessThan(500);
      expect(response.headers()["referrer-policy"], target).toBe("no-referrer");
      expect(response.headers()["x-robots-tag"], target).toMatch(/noindex/);
    }
  } finally {
    await anonymous.dispose();
  }
});
