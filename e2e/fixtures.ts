import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.HEADROOM_DEMO_PASSWORD ?? "e2e-demo-password";
export const ROLES = ["admin", "finance", "infra", "viewer"] as const;
export type DemoRole = (typeof ROLES)[number];

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signInAs(role: DemoRole) {
    await this.goto();
    await this.signIn(`${role}@headroom.local`, DEMO_PASSWORD);
    await expect(this.page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
  }
}

export const test = base.extend<{ signInPage: SignInPage }>({
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect };

/** Opens a Settings tab the way a user does: the sidebar's Settings link, then the tab. */
export async function openSettingsTab(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

const BOM = "\uFEFF";

/** A CSV the browser downloaded (or a request made with the signed-in session): it starts with the UTF-8 byte order mark, so a double-click into Excel reads it as UTF-8; the text after it. */
export function browserCsv(text: string): string {
  expect(text.startsWith(BOM), "a browser download starts with the UTF-8 byte order mark").toBe(true);
  return text.slice(BOM.length);
}
