import { expect, type Page } from "@playwright/test";

// Building a report and a share link through the UI, as a finance lead does; used by the reports journey and
// the share-isolation spec. Names carry the Playwright project and a timestamp: the suite runs once per project
// against servers whose databases outlive a run.

export const INVALID_LINK_HEADING = "This link is not valid";

export type BuiltReport = { id: string; name: string; note: string };

export function uniqueName(prefix: string, project: string): string {
  return `${prefix} ${project} ${Date.now().toString(36)}`;
}

/** On /reports (signed in with shares.manage): fills the new-report form and saves; ends on the report's page. */
export async function buildReport(
  page: Page,
  { name, note, sections, range = "Next 12 months" }: { name: string; note: string; sections: string[]; range?: string },
): Promise<BuiltReport> {
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "New report" });
  await form.getByLabel("Title", { exact: true }).fill(name);
  await form.getByLabel("Note", { exact: true }).fill(note);
  const boxes = form.getByRole("group", { name: "Sections" }).getByRole("checkbox");
  for (let i = 0, n = await boxes.count(); i < n; i++) await boxes.nth(i).uncheck();
  for (const s of sections) await form.getByRole("checkbox", { name: s, exact: true }).check();
  await form.getByLabel("Range", { exact: true }).selectOption({ label: range });
  await form.getByRole("button", { name: "Create report" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  return { id, name, note };
}

/** On a report's page: creates a link (optionally labelled) with the default expiry and returns the URL shown once. */
export async function createShareLink(page: Page, { label }: { label?: string } = {}): Promise<{ url: string; token: string }> {
  const links = page.getByRole("region", { name: "Share links" });
  await expect(links.getByLabel("Expires after (days, 1–365)")).toHaveValue("30");
  if (label !== undefined) await links.getByLabel("Label (optional)").fill(label);
  await links.getByRole("button", { name: "Create link" }).click();
  const field = links.getByRole("textbox", { name: "Share link" });
  await expect(field).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/, { timeout: 30_000 });
  const url = await field.inputValue();
  return { url, token: url.split("/r/")[1]! };
}

/** On a report's page: revokes the newest link (confirming the dialog) and waits until the list says so. */
export async function revokeNewestLink(page: Page): Promise<void> {
  const row = page.getByRole("region", { name: "Share links" }).getByRole("row").nth(1);
  const accept = (d: { accept: () => Promise<void> }) => void d.accept();
  page.on("dialog", accept);
  // A click that lands before the page is hydrated does nothing; click again until the row reads Revoked.
  await expect(async () => {
    if (!((await row.textContent()) ?? "").includes("Revoked")) await row.getByRole("button", { name: "Revoke" }).click({ timeout: 2_000 });
    await expect(row).toContainText("Revoked", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  page.off("dialog", accept);
}
