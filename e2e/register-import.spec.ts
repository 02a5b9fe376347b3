import { readFile } from "node:fs/promises";
import { browserCsv, expect, test } from "./fixtures";

function isoMonth(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

const HEADER = "name,provider,site,accelerator_type,contract,quantity,start_at,end_at,pricing_model,rate,currency,status";

// Inside the demo contract OCI-UC-2025-001 (Abilene phase 1, 18 months either side of the seed date).
function block(name: string, site: string): string {
  return `${name},Oracle OCI,${site},NVIDIA GB200,OCI-UC-2025-001,256,${isoMonth(2)},${isoMonth(8)},reserved,4.10,USD,planned`;
}

test.describe("register CSV import", () => {
  test("infra downloads the reservations template, is shown the bad line of a file, then imports a good one", async ({
    page,
    signInPage,
  }) => {
    const tag = Date.now();
    await signInPage.signInAs("infra");
    await page.goto("/imports/registers?kind=reservations");
    await expect(page.getByRole("heading", { level: 1, name: "Import registers" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Contracts" })).toBeDisabled();
    await expect(page.getByText("Your role (infra) may not import contracts (needs contracts.write).")).toBeVisible();
    await expect(page.getByRole("radio", { name: "Reservations" })).toBeChecked();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download template" }).click();
    const template = browserCsv(await readFile(await (await download).path(), "utf8"));
    const [header, example] = template.split("\r\n");
    expect(header).toBe(`${HEADER},delivery_date,capacity_reservation_id`);
    expect(example).toContain(",Oracle OCI,Abilene,NVIDIA GB200,");

    const bad = [HEADER, block(`E2E import ok ${tag}`, "Abilene"), block(`E2E import bad ${tag}`, "Atlantis"), ""].join("\r\n");
    const fileInput = page.getByLabel(/CSV file/);
    await fileInput.setInputFiles({ name: "reservations-bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Check file" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "nothing was loaded" });
    await expect(alert).toBeVisible();
    const errorRow = alert.getByRole("row").filter({ hasText: 'No site is named "Atlantis".' });
    await expect(errorRow.getByRole("cell").nth(0)).toHaveText("3");
    await expect(errorRow.getByRole("cell").nth(1)).toHaveText("site");
    await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

    // The commit path refuses the same file as a whole: the good line 2 is not loaded either.
    const commit = await page.request.post(`/imports/registers/upload?kind=reservations&mode=commit&name=reservations-bad.csv`, {
      data: Buffer.from(bad),
    });
    expect(commit.status()).toBe(200);
    const events = (await commit.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; result?: unknown });
    expect(events.at(-1)).toMatchObject({
      type: "result",
      result: { status: "failed", created: 0, errors: [{ line: 3, column: "site" }] },
    });
    await page.goto(`/reservations?q=${tag}`);
    await expect(page.getByText("Nothing matches these filters.")).toBeVisible();

    await page.goto("/imports/registers?kind=reservations");
    const good = [HEADER, block(`E2E import A ${tag}`, "Abilene"), block(`E2E import B ${tag}`, "abilene"), ""].join("\r\n");
    await page.getByLabel(/CSV file/).setInputFiles({ name: "reservations.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByText("All 2 rows of reservations.csv are valid. Nothing has been saved yet.")).toBeVisible();
    await expect(page.getByRole("cell", { name: `E2E import A ${tag}` })).toBeVisible();
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByText(/Imported 2 reservations from reservations\.csv/)).toBeVisible();

    await page.goto(`/reservations?q=${tag}`);
    await expect(page.getByRole("link", { name: `E2E import A ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `E2E import B ${tag}` })).toBeVisible();
  });

  test("a viewer sees no upload controls and the upload route refuses them", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto("/imports/registers");
    await expect(page.getByText(/Your role \(viewer\) can read the registers but not import them/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Check file" })).toHaveCount(0);
    await expect(page.getByLabel(/CSV file/)).toHaveCount(0);
    const refused = await page.request.post("/imports/registers/upload?kind=sites&mode=commit&name=s.csv", {
      data: "name,provider,region_code,country,pue\nX,AWS,r,US,1.1\n",
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not allowed/);
    await page.goto("/reservations");
    await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  });
});
