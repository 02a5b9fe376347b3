import { expect, test } from "./fixtures";

test.describe("theme", () => {
  test("a user picks dark, then light, and the choice outlives a reload; system follows the OS", async ({ page, signInPage }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await signInPage.signInAs("viewer");
    await page.goto("/reservations");
    const html = page.locator("html");
    const theme = page.getByRole("combobox", { name: "Theme" });
    await expect(theme).toHaveValue("system");
    await expect(html).not.toHaveClass(/dark/);
    const link = page.locator('main a[class*="dark:text-brand-300"]').first();
    const lightColor = await link.evaluate((el) => getComputedStyle(el).color);

    await theme.selectOption("dark");
    await expect(html).toHaveClass(/dark/);
    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
    // A link in dark mode takes the light brand shade, not the light theme's dark blue on a dark background.
    const darkColor = await page
      .locator('main a[class*="dark:text-brand-300"]')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(darkColor).not.toBe(lightColor);

    await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
    await expect(html).not.toHaveClass(/dark/);

    await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html).toHaveClass(/dark/);
  });
});
