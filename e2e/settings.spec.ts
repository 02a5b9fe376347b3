import { browserCsv, expect, SignInPage, test, openSettingsTab } from "./fixtures";

const SHOTS = process.env.SCREENSHOT_DIR;

test.describe("settings and sites", () => {
  test("an admin creates a user and changes their role", async ({ page, signInPage }) => {
    const email = `e2e-user-${Date.now()}@example.com`;
    await signInPage.signInAs("admin");
    await openSettingsTab(page, "Users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await page.getByRole("link", { name: "New user" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("E2E Person");
    await page.getByLabel("Role").selectOption("finance");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("heading", { level: 1, name: email })).toBeVisible();
    await expect(page.getByLabel("Role", { exact: true })).toHaveValue("finance");
    await page.getByLabel("Role", { exact: true }).selectOption("infra");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("history").getByText("user.update")).toBeVisible();
    await expect(page.getByLabel("Role", { exact: true })).toHaveValue("infra");
    await page.goto(`/settings/users?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("infra");
  });

  test("an admin runs a job now and sees the run, its result and its duration in the job's history", async ({ page, signInPage }) => {
    await signInPage.signInAs("admin");
    await openSettingsTab(page, "Jobs");
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    const job = page.getByTestId("job-imports.recover");
    await expect(job.getByText("*/5 * * * *")).toBeVisible();
    await job.getByRole("button", { name: "Run now: imports.recover" }).click();
    await expect(job.getByRole("status")).toHaveText("No interrupted import.");
    await job.getByText(/^Recent runs/).click();
    const first = job.getByRole("group", { name: "Recent runs of imports.recover" }).getByRole("row").nth(1);
    await expect(first).toContainText("succeeded");
    await expect(first).toContainText("manual (admin@headroom.local)");
    await expect(first).toContainText(/\d+ ms|\d+\.\d s/);
  });

  test("the last active admin is marked and cannot be disabled", async ({ page, signInPage }) => {
    await signInPage.signInAs("admin");
    await page.goto("/settings/users?role=admin&status=active");
    const rows = page.getByRole("row").filter({ hasText: "@" });
    if ((await rows.count()) !== 1) test.skip(true, "another spec made a second admin");
    await rows.first().getByRole("link").click();
    await expect(page.getByTestId("last-admin")).toBeVisible();
    await expect(page.getByRole("button", { name: "Disable" })).toBeDisabled();
  });

  test("an admin creates an API key, sees it once and revokes it", async ({ page, signInPage }) => {
    const name = `e2e key ${Date.now()}`;
    await signInPage.signInAs("admin");
    await openSettingsTab(page, "API keys");
    const form = page.getByRole("form", { name: "New API key" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Role").selectOption("infra");
    await page.getByRole("button", { name: "Create key" }).click();
    const panel = page.getByTestId("new-api-key");
    await expect(panel).toContainText("shown only once");
    const key = (await panel.getByLabel("New API key").textContent())!.trim();
    expect(key).toMatch(/^hr_[\w-]{43}$/);
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(key.slice(0, 11));
    await page.reload();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    expect(await page.content()).not.toContain(key);
    page.once("dialog", (d) => d.accept());
    await page
      .getByRole("row")
      .filter({ hasText: name })
      .getByRole("button", { name: `Revoke ${name}` })
      .click();
    await expect(page.getByRole("row").filter({ hasText: name }).getByTestId("revoked")).toBeVisible();
    await page.goto(`/settings/api-keys?status=revoked&q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);
    await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
    await expect(page.getByTestId("history")).toContainText("api_key.revoke");
    expect(await page.content()).not.toContain(key);
  });

  test("infra edits a site's power budget ramp and the projection follows", async ({ page, signInPage }) => {
    const name = `E2E site ${Date.now()}`;
    await signInPage.signInAs("infra");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sites" }).click();
    await page.getByRole("link", { name: "New site" }).click();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Provider").selectOption({ index: 1 });
    await page.getByLabel("Region code").fill("e2e-west-1");
    await page.getByLabel("Country").fill("zz");
    await page.getByLabel("PUE").fill("3.5");
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page.getByText("Country is not an ISO 3166 country code.", { exact: true })).toBeVisible();
    await expect(page.getByText("PUE must be at most 3.", { exact: true })).toBeVisible();
    await page.getByLabel("Country").fill("us");
    await page.getByLabel("PUE").fill("1.2");
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("over-budget-summary")).toContainText("No power budget recorded");

    await page.getByLabel("New step from").fill("2020-01-01");
    await page.getByLabel("New step MW").fill("100");
    await page.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added a step" })).toHaveText("Added a step: 100 MW from 2020-01-01 onwards.");
    await expect(page.getByTestId("over-budget-summary")).toContainText("Within budget in all 24 months");
    await page.getByText("Month by month").click();
    await expect(page.getByTestId("power-table").getByRole("row").nth(1)).toContainText("100 MW");

    await page.getByLabel("Step 1 MW").fill("250");
    await page.getByRole("button", { name: "Save step 1" }).click();
    await expect(page.getByTestId("budget-saved")).toHaveText("Saved step 1: 250 MW from 2020-01-01 onwards.");
    await expect(page.getByTestId("power-table").getByRole("row").nth(1)).toContainText("250 MW");

    await page.getByLabel("New step from").fill("2021-06-01");
    await page.getByLabel("New step MW").fill("300");
    await page.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByText(/already has a budget of 250 MW from 2020-01-01 onwards/).first()).toBeVisible();
    await expect(page.getByTestId("budget-saved")).toHaveText("");
    await expect(page.getByTestId("budget-step")).toHaveCount(1);
    await expect(page.getByTestId("history")).toContainText("power_budget.update");
    await expect(page.getByTestId("site-power-chart")).toBeVisible();
  });

  test("a stale save of a budget step is refused with the change made meanwhile", async ({ browser, page, signInPage }) => {
    const name = `E2E stale site ${Date.now()}`;
    await signInPage.signInAs("infra");
    await page.goto("/sites/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Provider").selectOption({ index: 1 });
    await page.getByLabel("Region code").fill("e2e-1");
    await page.getByLabel("Country").fill("NL");
    await page.getByLabel("PUE").fill("1.1");
    await page.getByRole("button", { name: "Create site" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByLabel("New step from").fill("2020-01-01");
    await page.getByLabel("New step MW").fill("40");
    await page.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByLabel("Step 1 MW")).toHaveValue("40");

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await new SignInPage(otherPage).signInAs("admin");
    await otherPage.goto(page.url());
    await otherPage.getByLabel("Step 1 MW").fill("45");
    await otherPage.getByRole("button", { name: "Save step 1" }).click();
    await expect(otherPage.getByTestId("history")).toContainText("power_budget.update");
    await other.close();

    await page.getByLabel("Step 1 MW").fill("60");
    await page.getByRole("button", { name: "Save step 1" }).click();
    const conflict = page.getByTestId("conflict");
    await expect(conflict).toContainText("admin@headroom.local");
    await expect(conflict).toContainText("Contracted MW");
    await expect(conflict).toContainText("45.000");
    await page.reload();
    await expect(page.getByLabel("Step 1 MW")).toHaveValue("45");
  });

  test("an admin adds an accelerator type with the nameplate factor, then overrides and restores it", async ({ page, signInPage }) => {
    const name = `E2E chip ${Date.now()}`;
    await signInPage.signInAs("admin");
    await page.goto("/settings/accelerators/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Vendor").fill("E2E");
    await page.getByLabel("Family").fill("E2E");
    await page.getByLabel("Memory (GB)").fill("96");
    await page.getByLabel("Peak dense BF16 (TFLOPS)").fill("1978.8");
    await page.getByLabel("System W per accelerator").fill("1500");
    await expect(page.getByTestId("nameplate-default")).toContainText("Nameplate default: 2 ");
    await page.getByRole("button", { name: "Create accelerator type" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByLabel("H100-equivalent factor")).toHaveValue("2");
    await page.getByLabel("H100-equivalent factor").fill("2.35");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("history").getByText("accelerator_type.update")).toBeVisible();
    await expect(page.getByLabel("H100-equivalent factor")).toHaveValue("2.35");
    await page.getByRole("button", { name: "Use default" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("history").getByText("accelerator_type.update")).toHaveCount(2);
    await expect(page.getByLabel("H100-equivalent factor")).toHaveValue("2");
  });

  test("a viewer sees sites without edit controls and cannot open settings it lacks", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    const nav = page.getByRole("navigation", { name: "Main" });
    await openSettingsTab(page, "Providers");
    const tabs = page.getByRole("navigation", { name: "Settings" });
    await expect(tabs.getByRole("link", { name: "Accelerator catalog" })).toBeVisible();
    for (const name of ["Users", "API keys", "Jobs", "Pool rules", "Audit log"])
      await expect(tabs.getByRole("link", { name })).toHaveCount(0);
    await nav.getByRole("link", { name: "Sites" }).click();
    await expect(page.getByRole("link", { name: "New site" })).toHaveCount(0);
    await page.getByRole("link", { name: "Abilene" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Abilene" })).toBeVisible();
    await expect(page.getByTestId("site-power-chart")).toBeVisible();
    await expect(page.getByTestId("budget-step").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Archive|Save|Remove|Add step/ })).toHaveCount(0);
    await expect(page.locator("main input")).toHaveCount(0);
    for (const path of ["/sites/new", "/settings/users", "/settings/api-keys", "/settings/jobs", "/settings/providers/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto("/settings/accelerators");
    await expect(page.getByRole("heading", { level: 1, name: "Accelerator catalog" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New type" })).toHaveCount(0);
    const csv = await page.request.get("/sites/export.csv?country=SE&sort=name&dir=asc");
    expect(csv.status()).toBe(200);
    const lines = browserCsv(await csv.text())
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("name,provider,region_code,country,pue,budget_mw_today,accelerators_now,archived_at,id");
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["SE"]);
    expect((await page.request.get("/settings/users/export.csv")).status()).toBe(403);
  });

  test("screenshots of the sites, site, users and API key pages", async ({ page, signInPage }, testInfo) => {
    test.skip(!SHOTS || testInfo.project.name !== "embedded", "screenshots only when SCREENSHOT_DIR is set");
    await signInPage.signInAs("admin");
    await page.goto("/sites");
    await page.screenshot({ path: `${SHOTS}/sites.png`, fullPage: true });
    await page.getByRole("link", { name: "Abilene" }).click();
    await expect(page.getByTestId("site-power-chart")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/site-abilene.png`, fullPage: true });
    await page.goto("/settings/users");
    await page.screenshot({ path: `${SHOTS}/users.png`, fullPage: true });
    await page.goto("/settings/api-keys");
    await page.screenshot({ path: `${SHOTS}/api-keys.png`, fullPage: true });
    await page.goto("/settings/accelerators");
    await page.screenshot({ path: `${SHOTS}/accelerators.png`, fullPage: true });
    await page.getByRole("link", { name: "Cerebras CS-3" }).click();
    await expect(page.getByTestId("nameplate-default")).toContainText("126.3392");
    await page.screenshot({ path: `${SHOTS}/accelerator-cs3.png`, fullPage: true });
    await page.goto("/settings/users?q=admin%40headroom.local");
    await page.getByRole("link", { name: "admin@headroom.local" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "admin@headroom.local" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/user-admin.png`, fullPage: true });
    await page.goto("/settings/api-keys");
    await page.getByRole("form", { name: "New API key" }).getByLabel("Name", { exact: true }).fill(`shot key ${Date.now()}`);
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/api-key-created.png`, fullPage: false });
  });
});
