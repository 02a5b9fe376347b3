import { expect, ROLES, test, openSettingsTab } from "./fixtures";

test.describe("sign-in", () => {
  for (const role of ROLES) {
    test(`${role} signs in, sees the overview and signs out`, async ({ page, signInPage }) => {
      await signInPage.signInAs(role, { form: true });
      // The sidebar shows who is signed in (the closed Menu dialog holds the same line, hidden).
      await expect(page.getByText(`${role}@headroom.local`).filter({ visible: true })).toBeVisible();
      // Settings opens on Providers for everyone; only an admin has the Audit log tab.
      await openSettingsTab(page, "Providers");
      const auditTab = page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" });
      if (role === "admin") await expect(auditTab).toBeVisible();
      else await expect(auditTab).toHaveCount(0);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test("a wrong password gets one generic message", async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn("finance@headroom.local", "not the password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
    await signInPage.signIn("nobody@headroom.local", "not the password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
  });
});
