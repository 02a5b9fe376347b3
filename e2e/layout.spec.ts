import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// At 1280×900 the whole grouped sidebar is above the fold; below 1024 px a Menu button opens the navigation as a
// modal dialog that reaches every page by keyboard. (Every page at 390, 800 and 1280 px: e2e/page-walk.ts.)

const HEIGHT = 900;

/** Whether focus is inside the open menu dialog. */
const focusInMenu = (page: Page) => page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null);

test.describe("layout", () => {
  test("the sidebar fits 1280×900; at 390 px the menu reaches every page by keyboard", async ({ page, signInPage }, testInfo) => {
    // Three times the configured test timeout (60 s), for a busy machine: ~25 links tabbed through, three followed.
    test.setTimeout(testInfo.timeout * 3);
    await page.setViewportSize({ width: 1280, height: HEIGHT });
    await signInPage.signInAs("admin");

    await test.step("at 1280×900 every sidebar link is above the fold, under its group", async () => {
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const group of ["Plan", "Money", "Allocation", "Watch", "Registers"]) {
        await expect(nav.getByRole("list", { name: group })).toBeVisible();
      }
      const links = nav.getByRole("link");
      expect(await links.count()).toBeGreaterThanOrEqual(20);
      // The sidebar scrolls when it must: every link inside its visible part means none is clipped under the account box.
      const navBox = await nav.boundingBox();
      for (const link of await links.all()) {
        const box = await link.boundingBox();
        expect(box, await link.innerText()).not.toBeNull();
        expect(box!.y + box!.height, `${await link.innerText()} is below the fold`).toBeLessThanOrEqual(HEIGHT);
        expect(box!.y + box!.height, `${await link.innerText()} is clipped by the sidebar`).toBeLessThanOrEqual(
          navBox!.y + navBox!.height + 0.5,
        );
      }
      await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
      await expect(page.getByRole("combobox", { name: "Theme" })).toBeInViewport();
    });

    await test.step("at 390 px the menu opens by keyboard, traps focus, closes on Escape and on following a link", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/");
      const menuButton = page.getByRole("button", { name: "Menu" });
      const dialog = page.getByRole("dialog", { name: "Menu" });
      await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await menuButton.focus();
      await page.keyboard.press("Enter");
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("combobox", { name: "Theme" })).toBeVisible();
      const names = await dialog.getByRole("navigation", { name: "Main" }).getByRole("link").allInnerTexts();
      expect(names.length).toBeGreaterThanOrEqual(20);
      // Tabbing past the last control wraps inside the dialog (the page behind is inert), and every link of the
      // menu takes the focus on the way.
      const focused = new Set<string>();
      for (let i = 0; i < names.length + 8; i++) {
        await page.keyboard.press("Tab");
        expect(await focusInMenu(page)).toBe(true);
        const name = await page.evaluate(() =>
          document.activeElement instanceof HTMLAnchorElement ? document.activeElement.innerText : "",
        );
        if (name) focused.add(name.trim());
      }
      expect([...focused].sort()).toEqual([...names].map((n) => n.trim()).sort());
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(menuButton).toBeFocused();

      // Following a link by keyboard navigates and closes the menu: the first, a middle and the last link.
      for (const name of [names[0]!, names[Math.floor(names.length / 2)]!, names.at(-1)!]) {
        const link = dialog.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
        await menuButton.focus();
        await page.keyboard.press("Enter");
        await expect(dialog).toBeVisible();
        // Read once the dialog is open: a closed dialog's links are not in the accessibility tree.
        const href = (await link.getAttribute("href", { timeout: 10_000 }))!;
        for (let i = 0; i < names.length + 8 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
          await page.keyboard.press("Tab");
        }
        await expect(link).toBeFocused();
        await page.keyboard.press("Enter");
        // Settings opens its first tab.
        await expect(page).toHaveURL((url) => url.pathname === href || url.pathname.startsWith(`${href}/`));
        await expect(dialog).toBeHidden();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      }
    });
  });
});
