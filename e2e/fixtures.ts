import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.HEADROOM_DEMO_PASSWORD ?? "e2e-demo-password";
export const ROLES = ["admin", "finance", "infra", "viewer"] as const;
export type DemoRole = (typeof ROLES)[number];

// The demo roles' sessions by server and role (JWT cookies, valid 12 h; signing out only clears a browser's copy).
// A form sign-in costs a page load and a password hash on a busy CI machine, so each browser process signs each
// role in once.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

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

  /**
   * Signs in as a demo role and lands on the Overview. The first time in this browser process it fills the form; later
   * it restores that session's cookie and opens the Overview (sign-in.spec.ts always asks for the form).
   */
  async signInAs(role: DemoRole, options: { form?: boolean } = {}) {
    const context = this.page.context();
    const key = `${test.info().project.use.baseURL} ${role}`;
    const saved = options.form ? undefined : sessions.get(key);
    if (saved) {
      await context.addCookies(saved);
      await this.page.goto("/");
    } else {
      await this.goto();
      await this.signIn(`${role}@headroom.local`, DEMO_PASSWORD);
    }
    await expect(this.page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible({ timeout: 30_000 });
    if (!saved) sessions.set(key, await context.cookies());
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
