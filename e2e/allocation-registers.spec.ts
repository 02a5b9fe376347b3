import { readFile } from "node:fs/promises";
import { browserCsv, expect, SignInPage, test } from "./fixtures";

function isoMonth(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

test.describe("teams and workloads", () => {
  test.describe.configure({ timeout: 120_000 });

  test("finance builds a team under Research, is refused a fifth level, adds an external workload and exports it", async ({
    page,
    signInPage,
  }) => {
    const tag = Date.now();
    await signInPage.signInAs("finance");
    await page.getByRole("navigation").first().getByRole("link", { name: "Teams" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    await page.getByRole("link", { name: "Research", exact: true }).click();
    await page.getByRole("link", { name: "Add a sub-team" }).click();

    // Research › Evals › Evals-2 › Evals-3 is level 4; a team under Evals-3 would be level 5.
    let parent = "Research";
    for (const name of [`Evals ${tag}`, `Evals-2 ${tag}`, `Evals-3 ${tag}`]) {
      if (parent !== "Research") await page.getByRole("link", { name: "Add a sub-team" }).click();
      const form = page.getByRole("form", { name: "New team" });
      await expect(form.getByLabel("Parent team")).toHaveValue(/.+/);
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Cost centre").fill("CC-1300");
      await form.getByRole("button", { name: "Create team" }).click();
      await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible({ timeout: 15_000 });
      parent = name;
    }
    await expect(page.getByText(`Research › Evals ${tag} › Evals-2 ${tag} › Evals-3 ${tag}`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Add a sub-team" })).toHaveCount(0);
    await page.goto("/allocation/teams/new");
    const form = page.getByRole("form", { name: "New team" });
    await form.getByLabel("Name").fill(`Too deep ${tag}`);
    await form.getByLabel("Parent team").selectOption({ label: `Research › Evals ${tag} › Evals-2 ${tag} › Evals-3 ${tag}` });
    await form.getByRole("button", { name: "Create team" }).click();
    await expect(form.getByText(/Teams nest at most 4 levels deep: .* would reach level 5\./)).toBeVisible();

    await page.goto("/allocation/workloads/new");
    const w = page.getByRole("form", { name: "New workload" });
    await w.getByLabel("Name").fill(`E2E resale ${tag}`);
    await expect(w.getByLabel("Sale price per accelerator-hour")).toHaveCount(0);
    await w.getByLabel("Kind").selectOption("external");
    await w.getByLabel("Owning team").selectOption({ label: "Platform" });
    await w.getByLabel("Active from").fill(isoMonth(1));
    await w.getByRole("button", { name: "Create workload" }).click();
    await expect(w.getByText("An external workload resells capacity: enter its sale price per accelerator-hour.")).toBeVisible();
    await w.getByLabel("Sale price per accelerator-hour").fill("3.25");
    await w.getByRole("button", { name: "Create workload" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `E2E resale ${tag}`, exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("3.25 USD")).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Notes").fill("Signed in Q1");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `E2E resale ${tag}`, exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("region", { name: "History" })).toContainText("Signed in Q1");

    await page.goto(`/allocation/workloads?kind=external&q=${tag}`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = browserCsv(await readFile(await (await download).path(), "utf8"));
    const [header, row, rest] = csv.trimEnd().split("\r\n");
    expect(header).toBe("name,kind,team,active_from,active_to,sale_price,currency,notes,archived_at,id");
    expect(row).toContain(`E2E resale ${tag},external,Platform,${isoMonth(1)},,3.250000,USD,Signed in Q1,,`);
    expect(rest).toBeUndefined();
  });

  test("infra imports teams and workloads from CSV and ties a demand plan to a workload; a viewer reads but cannot write", async ({
    page,
    signInPage,
    browser,
    baseURL,
  }) => {
    const tag = Date.now();
    await signInPage.signInAs("infra");
    await page.goto("/allocation/teams");
    await page.getByRole("link", { name: "Import CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import registers" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("radio", { name: "Teams" })).toBeChecked();
    const teamsCsv = ["name,cost_centre,parent_team", `Speech ${tag},CC-2300,Product`, `Speech-ASR ${tag},CC-2310,Speech ${tag}`, ""].join(
      "\r\n",
    );
    await page.getByLabel(/CSV file/).setInputFiles({ name: "teams.csv", mimeType: "text/csv", buffer: Buffer.from(teamsCsv) });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByText(/Imported 2 teams from teams\.csv/)).toBeVisible();

    await page.goto("/imports/registers?kind=workloads");
    const workloadsCsv = ["name,kind,team,active_from", `ASR serving ${tag},Inference,Speech-ASR ${tag},${isoMonth(0)}`, ""].join("\r\n");
    await page.getByLabel(/CSV file/).setInputFiles({ name: "workloads.csv", mimeType: "text/csv", buffer: Buffer.from(workloadsCsv) });
    await page.getByRole("button", { name: "Check file" }).click();
    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByText(/Imported 1 workload from workloads\.csv/)).toBeVisible({ timeout: 15_000 });

    await page.goto("/demand-plans");
    await page.getByRole("link", { name: "Chat inference growth" }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Workload").selectOption({ label: `ASR serving ${tag} (Speech-ASR ${tag})` });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("link", { name: `ASR serving ${tag}` })).toBeVisible({ timeout: 15_000 });
    await page.goto("/demand-plans");
    await expect(page.getByRole("row", { name: /Chat inference growth/ }).getByRole("link", { name: `ASR serving ${tag}` })).toBeVisible();

    const viewer = await (await browser.newContext({ baseURL })).newPage();
    await new SignInPage(viewer).signInAs("viewer");
    await viewer.goto(`/allocation/teams?q=${tag}`);
    await expect(viewer.getByRole("link", { name: `Speech-ASR ${tag}` })).toBeVisible();
    await expect(viewer.getByRole("link", { name: "New team" })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
    await viewer.getByRole("link", { name: `Speech-ASR ${tag}` }).click();
    await expect(viewer.getByRole("heading", { level: 1, name: `Speech-ASR ${tag}` })).toBeVisible({ timeout: 15_000 });
    await expect(viewer.getByText(`Product › Speech ${tag} › Speech-ASR ${tag}`)).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Archive" })).toHaveCount(0);
    await viewer.goto(`${viewer.url()}/edit`);
    await expect(viewer.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
