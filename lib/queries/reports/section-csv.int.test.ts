import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CsvRows } from "@/lib/csv/response";
import type { CsvValue } from "@/lib/csv/write";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, sharedReports, users } from "@/lib/db/schema";
import { planningSearchParams } from "@/lib/queries/filters/params";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";
import type { Ctx } from "@/lib/auth/context";
import { createReport } from "@/lib/services/reports/create";
import { REPORT_SECTIONS, scopeFilters, type ReportScope } from "@/lib/queries/reports/scope";
import { createShareLink } from "@/lib/services/shares/create";
import { resolveShareToken } from "@/lib/services/shares/resolve";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { runPlan } from "@/lib/queries/plan/run";
import { Dec } from "@/lib/metrics/decimal";
import { loadReportShowback } from "./allocation-sections";
import { reportSectionCsv } from "./section-csv";
import { loadReportBurndowns } from "./sections";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";

const AS_OF = new Date("2026-11-17T09:30:00Z");

async function collect(rows: CsvRows): Promise<(readonly CsvValue[])[]> {
  const out: (readonly CsvValue[])[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const cellText = (v: CsvValue) => (v && typeof v === "object" && "number" in v ? v.number : v);

describeOnEachEngine("a shared report's sections as CSV", (engine) => {
  let handle: DbHandle;
  let finance: Ctx;
  let shareCtx: Ctx;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    const [f] = await handle.db.select().from(users).where(eq(users.role, "finance")).limit(1);
    finance = { db: handle.db, actor: { id: f!.id, email: f!.email, role: "finance", kind: "user" } };
    shareCtx = { db: handle.db, actor: { id: null, email: "share-link:test", role: "viewer", kind: "system" } };
  }, 180_000);
  afterAll(() => handle?.close());

  const scope: ReportScope = { sections: [...REPORT_SECTIONS], filters: { range: "pm12m" }, scenarioId: null };

  it("writes every section's table from the stored scope, the same rows the pages read", async () => {
    const tables = Object.fromEntries(
      await Promise.all(REPORT_SECTIONS.map(async (s) => [s, await reportSectionCsv(shareCtx, s, scope, AS_OF)] as const)),
    );
    for (const s of REPORT_SECTIONS) {
      const rows = await collect(tables[s]!.rows);
      expect(rows.length, s).toBeGreaterThan(0);
      for (const r of rows) expect(r, s).toHaveLength(tables[s]!.header.length);
      expect(tables[s]!.fileName, s).toMatch(/\.csv$/);
    }
    // Key figures carry the Overview's amounts to the cent, not the rounded card text.
    const overview = await getOverview(shareCtx, { scenario: null, asOf: AS_OF });
    const kpis = await collect((await reportSectionCsv(shareCtx, "kpis", scope, AS_OF)).rows);
    expect(kpis.find((r) => r[0] === "committed_spend")!.map(cellText)[1]).toBe(overview.committed.total.toFixed(2));
    expect(kpis.find((r) => r[0] === "spend_to_date")!.map(cellText)[1]).toBe(overview.spend.toDate.total.toFixed(2));
    // Burn-down points are money: to the cent, never a linear share's 40 digits (13171506.849315068493…).
    const burndowns = await collect((await reportSectionCsv(shareCtx, "burndowns", scope, AS_OF)).rows);
    const header = tables.burndowns!.header;
    for (const r of burndowns)
      for (const column of ["committed", "expected", "consumed", "projected"]) {
        const v = cellText(r[header.indexOf(column)]);
        if (v !== null) expect(v, column).toMatch(/^-?\d+\.\d{2}$/);
      }
    // Spend: one row per cell of /costs for the same filters.
    const { view } = await getCostsFromUrl(shareCtx, planningSearchParams(scopeFilters(scope, AS_OF)), AS_OF);
    const spend = await collect((await reportSectionCsv(shareCtx, "costs", scope, AS_OF)).rows);
    expect(spend).toHaveLength(view.cells.length);
    // Chargeback: each month's rows (teams and the unallocated row) add up to that month's Costs total, as on /allocation.
    const chargeback = (await collect((await reportSectionCsv(shareCtx, "showback", scope, AS_OF)).rows)).map((r) => r.map(cellText));
    const showback = await loadReportShowback(shareCtx, scope, AS_OF);
    expect(showback.months.length).toBeGreaterThan(0);
    for (const m of showback.months) {
      const sum = chargeback.filter((r) => r[3] === m.key).reduce((t, r) => t.plus(String(r[10])), new Dec(0));
      expect(sum.toFixed(2), m.key).toBe(m.costsTotal.toFixed(2));
    }
    // Burn-downs: the contract page's own function (projected = consumed + scheduled + other), money to the cent,
    // never a 40-digit decimal.
    const { terms } = await loadReportBurndowns(shareCtx, scopeFilters(scope, AS_OF), AS_OF);
    const points = (await collect((await reportSectionCsv(shareCtx, "burndowns", scope, AS_OF)).rows)).map((r) => r.map(cellText));
    for (const r of points) for (const v of r.slice(3)) if (v !== null) expect(String(v)).toMatch(/^-?\d+\.\d{2}$/);
    const page = await getContractBurndown(shareCtx, terms[0]!.id, AS_OF);
    expect(points.filter((r) => r[0] === terms[0]!.name).at(-1)![6]).toBe(page.projected!.toFixed(2));
    // The plan section: the procurement request of the plan the scope's /plan link asks for, one row per block.
    const planScope: ReportScope = { ...scope, plan: "demand=p80&cap_provider=35" };
    const request = await collect((await reportSectionCsv(shareCtx, "plan", planScope, AS_OF)).rows);
    const run = await runPlan({ ctx: shareCtx, input: { demand: "p80", capProvider: 0.35 }, asOf: AS_OF });
    expect(request).toHaveLength(run.plan.blocks.length);
    expect(request.map((r) => cellText(r[11]))).toEqual(run.plan.blocks.map((b) => b.ratePerHour));
  }, 120_000);

  it("serves CSV only for links that allow it and sections the report shows; a download is audited, not counted as a view", async () => {
    const report = await createReport({ ctx: finance, input: { name: "Board pack", scope: { ...scope, sections: ["kpis", "power"] } } });
    const allowed = await createShareLink({ ctx: finance, input: { reportId: report.id, allowCsv: true } });
    const refused = await createShareLink({ ctx: finance, input: { reportId: report.id, allowCsv: false } });

    expect(await resolveShareToken(handle.db, allowed.token, { kind: "csv", section: "power" })).not.toBeNull();
    expect(await resolveShareToken(handle.db, allowed.token, { kind: "csv", section: "costs" })).toBeNull();
    expect(await resolveShareToken(handle.db, refused.token, { kind: "csv", section: "power" })).toBeNull();
    expect(await resolveShareToken(handle.db, refused.token)).not.toBeNull();

    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, allowed.link.id));
    expect(row!.viewCount).toBe(0);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, allowed.link.id), eq(auditLog.action, "share_link.csv")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ section: "power" });
    const refusedAudits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, refused.link.id), eq(auditLog.action, "share_link.csv")));
    expect(refusedAudits).toHaveLength(0);
  });
});
