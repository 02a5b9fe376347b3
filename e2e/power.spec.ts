import { browserCsv, expect, test } from "./fixtures";

const WRITE_CONTROL = /^(new|edit|create|save|archive|unarchive|delete|remove|import|upload)\b/i;

test.describe("power, concentration and lease vs build", () => {
  test("the infra lead finds the site that goes over its power budget first and the reservations behind it", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signInAs("infra");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Power" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Power" })).toBeVisible();

    // The demo portfolio has sites whose last budget phase sits below their projected peak.
    const answer = page.getByTestId("power-answer");
    await expect(answer).toContainText("goes over its power budget first");
    const site = (await answer.locator("strong").nth(0).innerText()).trim();
    const month = (await answer.locator("strong").nth(1).innerText()).trim();
    expect(site).not.toBe("");
    expect(month).toMatch(/^[A-Z][a-z]{2} \d{4}$/);

    await answer.getByRole("link", { name: "Which reservations cause it" }).click();
    await expect(page).toHaveURL(/cause=/);
    const causes = page.getByRole("region", { name: `What draws power at ${site} in ${month}` });
    await expect(causes).toBeVisible();
    await expect(causes.getByTestId("causes-summary")).toContainText("Over budget by");
    const rows = causes.getByRole("table").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    // Largest facility load first.
    const loads = await rows.locator("td:nth-child(6)").allInnerTexts();
    const mw = loads.map((t) => Number.parseFloat(t.replace(/,/g, "")) * (t.includes("GW") ? 1000 : 1));
    expect(mw).toEqual([...mw].sort((a, b) => b - a));

    // The same site is listed first among the sites, red from that month, and its table says so.
    const card = page.getByTestId("power-site").first();
    await expect(card.getByRole("heading", { level: 3 })).toContainText(site);
    await expect(card).toContainText(`first in ${month}`);
    await card.getByText(`View ${site} as table`).click();
    await expect(card.getByRole("row", { name: new RegExp(`^${month}`) })).toContainText("Over budget");

    // The headroom table exports as CSV with the filters kept.
    await page.getByText("View as table").first().click();
    const href = await page.getByRole("link", { name: "Export CSV" }).first().getAttribute("href");
    expect(href).toMatch(/^\/power\/export\.csv/);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const text = browserCsv(await csv.text());
    expect(text.split("\r\n")[0]).toBe("site,provider,month,tightest_at,pue,budget_mw,it_mw,facility_mw,headroom_mw,over_budget");
    expect(text).toContain(`${site},`);
  });

  test("a viewer reads power, concentration and lease vs build and finds nothing to change", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    const nav = page.getByRole("navigation", { name: "Main" });

    await nav.getByRole("link", { name: "Power" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Power" })).toBeVisible();
    await expect(page.getByTestId("power-answer")).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await expect(page.getByRole("button", { name: WRITE_CONTROL })).toHaveCount(0);
    await expect(page.getByRole("link", { name: WRITE_CONTROL })).toHaveCount(0);
    await expect(page.locator('form[method="post"]')).toHaveCount(0);

    await nav.getByRole("link", { name: "Concentration" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Concentration" })).toBeVisible();
    await expect(page.getByTestId("concentration-answer")).toContainText("Largest single dependency");
    for (const dimension of ["provider", "vendor", "site"]) {
      await expect(page.getByTestId(`share-${dimension}`).getByTestId("hhi-value")).toHaveText(/^\d[\d,]*$/);
    }
    const loss = page.getByRole("table", { name: "Capacity and runway left if each provider, chip vendor or site drops out" });
    await expect(loss.getByRole("cell", { name: "Chip vendor" }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: WRITE_CONTROL })).toHaveCount(0);
    await expect(page.getByRole("link", { name: WRITE_CONTROL })).toHaveCount(0);
    const lossCsv = await page.request.get("/concentration/export.csv?table=loss");
    expect(lossCsv.status()).toBe(200);
    expect(browserCsv(await lossCsv.text()).split("\r\n")[0]).toBe(
      "dimension,member,h100e_lost,h100e_left,share_left,runway_with_all,runway_left,horizon_end",
    );

    await nav.getByRole("link", { name: "Lease vs build" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lease vs build" })).toBeVisible();
    await expect(page.getByTestId("lvb-result")).toContainText("per useful AH");
    await expect(page.getByTestId("lvb-break-even")).not.toBeEmpty();
    await expect(page.getByRole("button", { name: WRITE_CONTROL })).toHaveCount(0);
    await expect(page.locator('form[method="post"]')).toHaveCount(0);

    // The calculator changes nothing stored: its inputs go to the URL, so the result can be shared.
    await page.getByLabel("Leased rate per accelerator-hour (USD)").fill("1.2");
    await page.getByLabel("Expected utilization (%)").fill("90");
    await expect(page).toHaveURL(/rate=1\.2/);
    await expect(page).toHaveURL(/util=90/);
    await expect(page.getByTestId("lvb-verdict")).toContainText("At 90 % utilization");
    await page.reload();
    await expect(page.getByLabel("Expected utilization (%)")).toHaveValue("90");
    await expect(page.getByTestId("lvb-verdict")).toContainText("At 90 % utilization");
    await page.getByLabel("Expected utilization (%)").fill("0");
    await expect(page.getByRole("alert").filter({ hasText: "Expected utilization (%) must be above 0." })).toBeVisible();
  });
});
