import { expect, test } from "./fixtures";

// AZ-SEC-H100-02: a demo block of 288 H100 running from 10 months before the demo's month to 14 months after it,
// split 45 % / 30 % / 5 % to chat inference, API inference and the platform team (and 10 % resold while the external
// customer's contract runs): 28 or so in the free pool.
const BLOCK = "AZ-SEC-H100-02";

test.describe("allocation", () => {
  test("an infra lead allocates part of a block to a workload and sees the free pool shrink", async ({ page, signInPage }) => {
    await signInPage.signInAs("infra");
    await page.goto(`/reservations?q=${BLOCK}`);
    await page.getByRole("link", { name: BLOCK, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: BLOCK })).toBeVisible();

    const section = page.getByRole("region", { name: "Allocation to workloads" });
    const kpis = section.getByTestId("allocation-kpis");
    const freeNow = async () => Number((await kpis.getByText("Free pool now").locator("xpath=../dd").textContent())!.replace(/,/g, ""));
    const before = await freeNow();
    expect(before).toBeGreaterThan(2);
    await expect(
      section.getByRole("table", { name: "Allocations of this block" }).getByRole("link", { name: "Chat inference" }),
    ).toBeVisible();

    // More than the free pool is refused, with the stretch and who holds it named; nothing changes.
    const form = section.getByRole("form", { name: "Allocate accelerators" });
    await form.getByLabel("Workload").selectOption({ label: "Multimodal research (Research)" });
    await form.getByLabel("Accelerators").fill(String(before + 1));
    await form.getByLabel("From").fill(new Date().toISOString().slice(0, 10));
    await form.getByRole("button", { name: "Allocate" }).click();
    await expect(form.getByText(/^This would allocate 289 of AZ-SEC-H100-02's 288 accelerators from/)).toBeVisible();
    expect(await freeNow()).toBe(before);

    // Two accelerators fit: the free pool shrinks by two and the row is listed.
    await form.getByLabel("Accelerators").fill("2");
    await form.getByRole("button", { name: "Allocate" }).click();
    await expect.poll(freeNow).toBe(before - 2);
    const row = section.getByRole("row", { name: /Multimodal research/ });
    await expect(row).toContainText("2");

    // Removing it gives them back.
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await expect.poll(freeNow).toBe(before);
  });

  test("a viewer sees the allocation of a block but no form to change it", async ({ page, signInPage }) => {
    await signInPage.signInAs("viewer");
    await page.goto(`/reservations?q=${BLOCK}`);
    await page.getByRole("link", { name: BLOCK, exact: true }).click();
    const section = page.getByRole("region", { name: "Allocation to workloads" });
    await expect(section.getByTestId("allocation-kpis")).toContainText("Free pool now");
    await expect(section.getByRole("button", { name: "Allocate" })).toHaveCount(0);
    await expect(section.getByRole("button", { name: "Remove" })).toHaveCount(0);
  });
});
