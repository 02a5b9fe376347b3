import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";
import { getCtx } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { budgets, offers, teams, users, workloads } from "@/lib/db/schema";
import { addUtcDays, isoDay, startOfUtcDay } from "@/lib/metrics/calendar";
import { createApiKey } from "@/lib/services/api-keys/create";
import { insertCatalog, insertContractRow, insertReservationRow, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { GET as contractsCsv } from "./contracts/export.csv/route";
import { GET as focusCsv } from "./costs/focus.csv/route";
import { GET as offersCsv } from "./offers/export.csv/route";
import { GET as renewalsCsv } from "./reservations/renewals.csv/route";
import { GET as scheduleCsv } from "./reservations/schedule.csv/route";
import { GET as sitesCsv } from "./sites/export.csv/route";
import { GET as teamsCsv } from "./allocation/teams/export.csv/route";
import { GET as workloadsCsv } from "./allocation/workloads/export.csv/route";
import { GET as chargebackCsv } from "./allocation/chargeback.csv/route";
import { GET as budgetsCsv } from "./budgets/export.csv/route";
import { GET as anomaliesCsv } from "./alerts/anomalies/export.csv/route";

// The export routes themselves, called as Next calls them: the session (next-auth) and the app's database are the
// two things a test cannot give a route handler, so they are replaced by this suite's user and database.
vi.mock("@/lib/auth/session", () => ({ getCtx: vi.fn() }));
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<typeof import("@/lib/db/client")>()), getDb: vi.fn() }));

const BOM = [0xef, 0xbb, 0xbf];
const today = startOfUtcDay(new Date());
const day = (offset: number) => addUtcDays(today, offset);

describeOnEachEngine("CSV download routes", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let session: Ctx;
  let apiKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db, "dl");
    const [admin] = await handle.db.insert(users).values({ email: "fin@example.com", name: "Fin", role: "admin" }).returning();
    session = { db: handle.db, actor: { id: admin!.id, email: admin!.email, role: "admin", kind: "user" } };
    apiKey = (await createApiKey({ ctx: session, input: { name: "nightly", role: "finance" } })).key;
    viewerKey = (await createApiKey({ ctx: session, input: { name: "reader", role: "viewer" } })).key;
    // Ends in 60 days: with 90 days' notice, the notice date was 30 days ago.
    const late = await insertContractRow(handle.db, catalog, {
      name: "Gävle — late notice",
      reference: "MSA-7",
      startDate: isoDay(day(-300)),
      endDate: isoDay(day(60)),
      committedAmount: "1234567.8951",
    });
    await insertContractRow(handle.db, catalog, {
      name: "In time",
      startDate: isoDay(day(-10)),
      endDate: isoDay(day(200)),
      committedAmount: "5000",
    });
    await insertReservationRow(handle.db, catalog, {
      name: "Block under MSA-7",
      contractId: late.id,
      quantity: 3,
      rate: "2.3456",
      startAt: day(-100),
      endAt: day(30),
      status: "active",
    });
    const offer = { providerId: catalog.provider.id, acceleratorTypeId: catalog.type.id, validFrom: "2026-01-01", step: 8, minQuantity: 8 };
    await handle.db.insert(offers).values([
      { ...offer, region: "us-central1", pricingModel: "on_demand", rate: "11.06125", source: "list", note: "=cmd from a catalog" },
      { ...offer, siteId: catalog.site.id, pricingModel: "reserved", termMonths: 36, rate: "2.1", source: "quote" },
    ]);
    const [research] = await handle.db.insert(teams).values({ name: "Research", costCentre: "CC-1000" }).returning();
    const [pre] = await handle.db.insert(teams).values({ name: "Pre-training", costCentre: "CC-1100", parentId: research!.id }).returning();
    await handle.db.insert(teams).values({ name: "@Ops", parentId: pre!.id, archivedAt: new Date() });
    await handle.db.insert(workloads).values([
      { name: "Frontier run", kind: "training", teamId: pre!.id, activeFrom: "2026-01-01" },
      { name: "Resale", kind: "external", teamId: research!.id, activeFrom: "2026-01-01", salePrice: "3.141593", currency: "USD" },
    ]);
    await handle.db
      .insert(budgets)
      .values({ name: "=Lab", scopeKind: "lab", periodKind: "quarter", amount: "2500.125", activeFrom: "2026-01-01" });
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    vi.mocked(getDb).mockResolvedValue(handle.db);
    vi.mocked(getCtx).mockResolvedValue(session);
  });

  const browser = (path: string) => new Request(`http://localhost${path}`, { headers: { cookie: "next-auth.session-token=x" } });
  const script = (path: string, key = apiKey) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } });
  const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
  const rows = async (response: Response) => {
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(await bytes(response));
    const [head, ...body] = text
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(","));
    return body.map((r): Record<string, string> => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
  };

  const routes = [
    ["/contracts/export.csv", contractsCsv],
    ["/sites/export.csv", sitesCsv],
    ["/reservations/renewals.csv", renewalsCsv],
    ["/reservations/schedule.csv", scheduleCsv],
    ["/costs/focus.csv", focusCsv],
    ["/offers/export.csv", offersCsv],
    ["/allocation/teams/export.csv", teamsCsv],
    ["/allocation/workloads/export.csv", workloadsCsv],
    ["/allocation/chargeback.csv", chargebackCsv],
    ["/budgets/export.csv", budgetsCsv],
    ["/alerts/anomalies/export.csv", anomaliesCsv],
  ] as const;

  it.each(routes)("%s starts with the UTF-8 byte order mark for a browser (session) and not for an API key", async (path, GET) => {
    const fromBrowser = await GET(browser(path));
    expect(fromBrowser.status).toBe(200);
    expect([...(await bytes(fromBrowser)).slice(0, 3)]).toEqual(BOM);
    vi.mocked(getCtx).mockResolvedValue(null); // a script has no session: only its key lets it in
    const fromScript = await GET(script(path));
    expect(fromScript.status).toBe(200);
    const body = await bytes(fromScript);
    expect([...body.slice(0, 3)]).not.toEqual(BOM);
    expect(new TextDecoder().decode(body.slice(0, 8))).toMatch(/^[A-Za-z_]/);
  });

  it("refuses an unknown API key and a request with neither key nor session (401); a viewer's key exports", async () => {
    vi.mocked(getCtx).mockResolvedValue(null);
    const unknown = await contractsCsv(script("/contracts/export.csv", "hr_not-a-real-key"));
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toMatch(/not valid/);
    expect((await contractsCsv(browser("/contracts/export.csv"))).status).toBe(401);
    expect((await contractsCsv(script("/contracts/export.csv", viewerKey))).status).toBe(200);
  });

  it("keeps ä and — intact after the byte order mark (what Excel reads as UTF-8)", async () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytes(await contractsCsv(browser("/contracts/export.csv"))));
    expect(text.startsWith("\uFEFFname,reference,")).toBe(true);
    expect(text).toContain("Gävle — late notice,MSA-7,");
  });

  it("exports the filtered offers with their rates exact and formulas neutralized", async () => {
    const list = await rows(await offersCsv(script("/offers/export.csv?source=list")));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ region: "us-central1", site: "", pricing_model: "on_demand", rate: "11.061250", term_months: "" });
    expect(list[0]!.note).toBe("'=cmd from a catalog");
    expect((await rows(await offersCsv(script("/offers/export.csv")))).map((r) => r.source)).toEqual(["quote", "list"]);
  });

  it("exports teams with their parent and path (archived ones on request, names neutralized) and workloads with exact sale prices", async () => {
    const current = await rows(await teamsCsv(script("/allocation/teams/export.csv")));
    expect(current.map((t) => [t.name, t.cost_centre, t.parent_team, t.path, t.level, t.active_workloads])).toEqual([
      ["Research", "CC-1000", "", "Research", "1", "1"],
      ["Pre-training", "CC-1100", "Research", "Research › Pre-training", "2", "1"],
    ]);
    const archived = await rows(await teamsCsv(script("/allocation/teams/export.csv?archived=only")));
    expect(archived.map((t) => [t.name, t.parent_team])).toEqual([["'@Ops", "Pre-training"]]);
    const list = await rows(await workloadsCsv(script("/allocation/workloads/export.csv?kind=external")));
    expect(list).toEqual([
      expect.objectContaining({ name: "Resale", kind: "external", team: "Research", sale_price: "3.141593", currency: "USD" }),
    ]);
  });

  it("exports budgets in the chosen month's period, names neutralized and money to the cent", async () => {
    const list = await rows(await budgetsCsv(script("/budgets/export.csv?at=2026-05")));
    expect(list.map((b) => [b.name, b.scope, b.period, b.period_start, b.period_end, b.amount, b.amount_usd])).toEqual([
      ["'=Lab", "lab", "quarter", "2026-04-01", "2026-07-01", "2500.12", "2500.12"],
    ]);
  });

  it("writes committed amounts to the cent and rates exact", async () => {
    const contracts = await rows(await contractsCsv(script("/contracts/export.csv")));
    // numeric(20,4) 1234567.8951 → 1234567.90 (half-even on the third decimal 5 then 1: rounds up).
    expect(contracts.find((c) => c.reference === "MSA-7")!.committed_amount).toBe("1234567.90");
    expect(contracts.find((c) => c.name === "In time")!.committed_amount).toBe("5000.00");
    const schedule = await rows(await scheduleCsv(script("/reservations/schedule.csv")));
    // 3 accelerators × 730 h × 2.3456 $/h = 5,136.864 → 5136.86; the rate as stored (numeric(14,6)).
    expect(schedule[0]).toMatchObject({
      rate: "2.345600",
      monthly_cost: "5136.86",
      contract: "Gävle — late notice",
      contract_reference: "MSA-7",
    });
  });

  it("writes renewals with committed_amount and rate_per_ah apart, and says which notice dates have passed", async () => {
    const renewals = await rows(await renewalsCsv(script("/reservations/renewals.csv")));
    expect(Object.keys(renewals[0]!)).toEqual(expect.arrayContaining(["notice_overdue", "committed_amount", "rate_per_ah"]));
    expect(Object.keys(renewals[0]!)).not.toContain("amount");
    const byName: Record<string, Record<string, string>> = Object.fromEntries(renewals.map((r) => [r.name, r]));
    // Block ends in 30 days: notice 60 days ago. Contract ends in 60 days: notice 30 days ago. In time: notice in 110 days.
    expect(byName["Block under MSA-7"]).toMatchObject({
      kind: "reservation",
      notice_overdue: "yes",
      committed_amount: "",
      rate_per_ah: "2.345600",
    });
    expect(byName["Gävle — late notice"]).toMatchObject({
      kind: "contract",
      notice_overdue: "yes",
      committed_amount: "1234567.90",
      rate_per_ah: "",
    });
    expect(byName["In time"]).toMatchObject({ notice_overdue: "no", committed_amount: "5000.00", notice_date: isoDay(day(110)) });
  });
});
