import { expect, type Page } from "@playwright/test";
import { buildReport, createShareLink, uniqueName } from "./share-helpers";

// Every page of the app, for the page walk (e2e/page-walk.ts): the fixed routes, then one
// record's page per register, found from its list, and a shared report. Signed in as admin, who sees every page.

export const FIXED_PAGES = [
  "/",
  "/capacity",
  "/power",
  "/costs",
  "/costs/unmatched",
  "/costs/mappings",
  "/costs/mappings/new",
  "/utilization",
  "/budgets",
  "/budgets/new",
  "/alerts",
  "/alerts/rules",
  "/alerts/rules/new",
  "/concentration",
  "/lease-vs-build",
  "/scenarios",
  "/scenarios/new",
  "/scenarios/compare",
  "/demand-plans",
  "/demand-plans/new",
  "/offers",
  "/offers/new",
  "/plan",
  "/allocation",
  "/allocation/teams",
  "/allocation/teams/new",
  "/allocation/workloads",
  "/allocation/workloads/new",
  "/allocation/rules",
  "/allocation/rules/new",
  "/allocation/surplus",
  "/allocation/unit-economics",
  "/contracts",
  "/contracts/new",
  "/reservations",
  "/reservations/new",
  "/sites",
  "/sites/new",
  "/reports",
  "/imports",
  "/imports/registers",
  "/settings/providers",
  "/settings/providers/new",
  "/settings/accelerators",
  "/settings/accelerators/new",
  "/settings/sku-mappings",
  "/settings/sku-mappings/new",
  "/settings/users",
  "/settings/users/new",
  "/settings/api-keys",
  "/settings/jobs",
  "/settings/connectors",
  "/settings/connectors/new",
  "/settings/pool-rules",
  "/settings/audit",
];

/** Lists whose first record's page (and, where given, its edit page) is walked too. */
const RECORD_LISTS: { list: string; edit?: boolean }[] = [
  { list: "/contracts", edit: true },
  { list: "/reservations", edit: true },
  { list: "/sites", edit: true },
  { list: "/scenarios", edit: true },
  { list: "/demand-plans" },
  { list: "/offers", edit: true },
  { list: "/budgets", edit: true },
  { list: "/allocation/teams", edit: true },
  { list: "/allocation/workloads", edit: true },
  { list: "/allocation/rules" },
  { list: "/imports" },
  { list: "/settings/providers" },
  { list: "/settings/accelerators" },
  { list: "/settings/users" },
];

const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The first link on `list` to one of its records, e.g. /contracts/<uuid>. */
async function firstRecord(page: Page, list: string): Promise<string> {
  await page.goto(list);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const record = hrefs.find((h) => new RegExp(`^${list}/(${ID}|\\d+)$`).test(h));
  expect(record, `a record linked from ${list}`).toBeTruthy();
  return record!;
}

/** The pages found by walking: one record (and its edit form) per register, a report and its shared link. */
export async function recordPages(page: Page, project: string): Promise<string[]> {
  const records: string[] = [];
  for (const { list, edit } of RECORD_LISTS) {
    const record = await firstRecord(page, list);
    records.push(record, ...(edit ? [`${record}/edit`] : []));
  }
  const report = await buildReport(page, {
    name: uniqueName("Walked report", project),
    note: "Every page walked.",
    sections: ["Key figures"],
  });
  const { url } = await createShareLink(page);
  return [...records, `/reports/${report.id}`, new URL(url).pathname];
}
