import { expect, SignInPage, test } from "./fixtures";

test.describe("allocation rules", () => {
  test.describe.configure({ timeout: 120_000 });

  test("finance adds a rule first in the order, sees the charges it caught, and moves it down; a viewer only reads", async ({
    page,
    signInPage,
    browser,
    baseURL,
  }) => {
    await signInPage.signInAs("finance");
    await page.getByRole("navigation").first().getByRole("link", { name: "Allocation rules" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Allocation rules" })).toBeVisible();
    const rows = page.getByTestId("allocation-rules").getByTestId("allocation-rule-row");
    // The demo's rules, in order, each with what it caught.
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(4);
    const firstBefore = (await rows.first().innerText()).split("\t")[1] ?? "";

    await page.getByRole("link", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New allocation rule" });
    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await form.getByLabel("Service").fill("data transfer");
    // A research workload: unit economics (inference and training only) reads the demo's own allocation of costs.
    await form.getByLabel("Goes to workload").selectOption({ label: "Multimodal research (Research)" });
    await form.getByLabel("Place in the order").selectOption("1");
    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Rule 1 → Multimodal research/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("rule-caught")).not.toContainText(/^0 charges/);

    await page.goto("/allocation/rules");
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.first()).toContainText("Multimodal research");
    await page.getByRole("button", { name: "Move rule 1 down" }).click();
    await expect(rows.nth(1)).toContainText("Multimodal research", { timeout: 30_000 });
    if (firstBefore) await expect(rows.first()).toContainText(firstBefore);

    const viewer = await (await browser.newContext({ baseURL })).newPage();
    await new SignInPage(viewer).signInAs("viewer");
    await viewer.goto("/allocation/rules");
    await expect(viewer.getByTestId("allocation-rules").getByTestId("allocation-rule-row")).toHaveCount(before + 1);
    await expect(viewer.getByRole("link", { name: "New rule" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /Move rule/ })).toHaveCount(0);
  });
});
