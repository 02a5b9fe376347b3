import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { openDatabase, serverUrlOf, type DbHandle } from "@/lib/db/client";
import {
  alertEvents,
  alertRuleChannels,
  alertRules,
  alerts,
  channels,
  contracts,
  demandPlans,
  imports,
  notifications,
  powerBudgets,
  utilizationDaily,
} from "@/lib/db/schema";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import { getPowerPage } from "@/lib/queries/power";
import { getBudgetsView } from "@/lib/queries/budgets";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { createBudget } from "@/lib/services/budgets/create";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { evaluateAlerts } from "./evaluate";
import type { AlertNotificationPayload } from "./types";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

describeOnEachEngine("alert evaluation", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  const db = () => handle.db;

  async function rule(kind: string, params: Record<string, unknown>, extra: Partial<typeof alertRules.$inferInsert> = {}) {
    const [row] = await db()
      .insert(alertRules)
      .values({ name: uniq(kind), kind, params, severity: "warning", ...extra })
      .returning();
    return row!;
  }
  const evaluate = (at: string) => evaluateAlerts(db(), { asOf: d(at), trigger: "manual" });
  const mine = <T extends { ruleId: string }>(rows: readonly T[], ruleId: string) => rows.filter((r) => r.ruleId === ruleId);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    cat = await insertCatalog(handle.db);
    // 8 H100 (1,400 W each) at the catalog's site (PUE 1.2) through 2030: 0.01344 MW of facility load.
    await insertReservationRow(handle.db, cat, { startAt: d("2026-01-01"), endAt: d("2030-01-01"), status: "active" });
  });
  afterAll(() => handle?.close());
  // Every test evaluates only its own rules and contracts: the others' alerts resolve and are filtered out by rule.
  beforeEach(async () => {
    await db().update(alertRules).set({ enabled: false });
    await db().update(contracts).set({ archivedAt: new Date() });
  });

  it("fires a runway rule when runway comes within N months, with the Capacity page's month", async () => {
    // 100 H100 planned from March 2027 against the 8 in service: runway is March 2027.
    await db()
      .insert(demandPlans)
      .values({
        name: uniq("Plan"),
        kind: "training",
        acceleratorFamily: "H100",
        accelerators: 100,
        startDate: "2027-03-01",
        endDate: "2028-01-01",
      });
    const r = await rule("runway", { months: 3, perFamily: true });
    // On 6 Dec 2026 March is 3 months away: not under 3. On 5 Jan 2027 it is 2 months away: fires.
    expect(mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id)).toEqual([]);
    const page = await loadCapacityRunway(roleCtx(db(), "viewer"), { asOf: d("2027-01-05T09:00:00Z") });
    expect(page.byFamily.find((f) => f.family === "H100")!.line.runway!.from).toEqual(d("2027-03-01"));
    const fired = mine((await evaluate("2027-01-05T09:00:00Z")).fired, r.id);
    expect(fired.map((a) => a.summary)).toEqual(["Runway of H100 is Mar 2027, 2 months away (rule: under 3 months)."]);
    expect(fired[0]).toMatchObject({ scope: { family: "H100" }, href: "/capacity?family=H100" });
    await db().update(alertRules).set({ enabled: false }).where(eq(alertRules.id, r.id));
    await db().delete(demandPlans);
  });

  it("fires a power headroom rule below X MW with the Power page's figures", async () => {
    await db().insert(powerBudgets).values({ siteId: cat.site.id, effectiveFrom: "2026-01-01", effectiveTo: null, contractedMw: "0.050" });
    const below = await rule("power_headroom", { belowMw: "0.04", months: 6 });
    const above = await rule("power_headroom", { belowMw: "0.03", months: 6 });
    const result = await evaluate("2026-12-06T09:00:00Z");
    // 0.050 − 8 × 1,400 W × 1.2 = 0.050 − 0.01344 = 0.03656 MW: below 0.04, not below 0.03.
    expect(mine(result.fired, above.id)).toEqual([]);
    const [fired] = mine(result.fired, below.id);
    const [a] = await db().select().from(alerts).where(eq(alerts.id, fired!.alertId));
    expect(a!.detail).toMatchObject({ headroomMw: "0.03656", budgetMw: "0.05", facilityMw: "0.01344", month: "2026-12" });
    const page = await getPowerPage(
      roleCtx(db(), "viewer"),
      {
        from: d("2026-12-01"),
        to: d("2027-06-01"),
        range: null,
        provider: null,
        family: null,
        site: null,
        scenario: null,
        team: null,
        workload: null,
        by: "site",
        unit: "h100e",
      },
      null,
      d("2026-12-06T09:00:00Z"),
    );
    expect(page.sites.find((s) => s.siteId === cat.site.id)!.monthly[0]!.headroomMw.toFixed()).toBe("0.03656");
    expect(fired).toMatchObject({ scope: { site: cat.site.id }, href: `/power?site=${cat.site.id}` });
  });

  it("fires a notice-date rule for a contract whose notice date has passed", async () => {
    const c = await insertContractRow(db(), cat, { startDate: "2026-02-01", endDate: "2027-01-31" });
    const r = await rule("notice_date", { withinDays: 0, noticeDays: 90, of: "contract" });
    const fired = mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id).filter((a) => a.href === `/contracts/${c.id}`);
    // 31 Jan 2027 − 90 days = 2 Nov 2026: 34 days before 6 Dec.
    expect(fired.map((a) => a.summary)).toEqual([
      `The notice date of contract ${c.name} (${cat.provider.name}), 2 Nov 2026, passed 34 days ago; it ends on 31 Jan 2027 (rule: within 0 days, 90 days' notice).`,
    ]);
    await db().update(contracts).set({ archivedAt: new Date() }).where(eq(contracts.id, c.id));
  });

  it("fires a budget rule at 80 % actual and 100 % forecast, with the Budgets page's figures", async () => {
    const importId = await insertImport(db());
    const charge = { providerId: cat.provider.id, chargePeriodStart: d("2026-01-01"), chargePeriodEnd: d("2026-02-01") };
    await insertCharges(db(), importId, [
      { ...charge, billedCost: "11904", effectiveCost: "11904" },
      { ...charge, billedCost: "12.34", effectiveCost: "12.34" },
    ]);
    const input = {
      scopeKind: "provider",
      providerId: cat.provider.id,
      periodKind: "quarter",
      actualThresholdPct: "80",
      forecastThresholdPct: "100",
      activeFrom: "2026-01-01",
    };
    const over = await createBudget({ ctx: roleCtx(db(), "finance"), input: { ...input, name: uniq("Over"), amount: "11000" } });
    const r = await rule("budget_threshold", { basis: "any" });
    const asOf = "2026-02-10T12:00:00Z";
    const fired = mine((await evaluate(asOf)).fired, r.id).filter((a) => a.href === `/budgets/${over.id}`);
    const view = await getBudgetsView(roleCtx(db(), "viewer"), { at: null, archived: false }, { asOf: d(asOf) });
    const status = view.rows.find((b) => b.id === over.id)!.status!;
    // Actual 11,904 + 12.34 = 11,916.34 of 11,000: 108.3 % ≥ 80 %; the forecast adds the planned rest of the quarter.
    expect(status.actual.toFixed(2)).toBe("11916.34");
    expect(fired.map((a) => a.title).sort()).toEqual([
      `Budget ${over.name}: actual at 108 %`,
      `Budget ${over.name}: forecast at ${status.forecastPct.toFixed(0)} %`,
    ]);
    expect(fired.find((a) => a.title.includes("actual"))!.summary).toBe(
      `Budget ${over.name} has spent $11,916.34 of $11,000.00 (108.3 %; threshold 80 %) in the period from 2026-01-01.`,
    );
  });

  it("fires a stale-import rule for a provider whose last import is older than N days", async () => {
    const other = await insertCatalog(db());
    const importId = await insertImport(db());
    await insertCharges(db(), importId, [
      { providerId: other.provider.id, chargePeriodStart: d("2026-10-01"), chargePeriodEnd: d("2026-10-02") },
    ]);
    await db()
      .update(imports)
      .set({ finishedAt: d("2026-10-27T08:00:00Z") })
      .where(eq(imports.id, importId));
    const r = await rule("stale_import", { days: 30, of: "provider" }, { scopeKind: "provider", scopeValue: other.provider.id });
    expect(mine((await evaluate("2026-11-20T09:00:00Z")).fired, r.id)).toEqual([]);
    const fired = mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id);
    expect(fired.map((a) => a.summary)).toEqual([
      `The last successful billing import for ${other.provider.name} finished on 27 Oct 2026, 40 days ago (rule: within 30 days).`,
    ]);
  });

  it("fires a contract projection rule on the burn-down's projected shortfall, in currency or % of committed", async () => {
    const other = await insertCatalog(db());
    const c = await insertContractRow(db(), other, { startDate: "2026-01-01", endDate: "2027-01-01", committedAmount: "1000000" });
    // 8 accelerators reserved Feb–Jul 2026 at $2.5/h under the contract: 8 × 4,344 h × 2.5 = 86,880 projected.
    await insertReservationRow(db(), other, { contractId: c.id, startAt: d("2026-02-01"), endAt: d("2026-08-01"), status: "active" });
    const amount = await rule(
      "contract_projection",
      { measure: "shortfall", unit: "amount", above: "900000" },
      { scopeKind: "provider", scopeValue: other.provider.id },
    );
    const pct = await rule(
      "contract_projection",
      { measure: "shortfall", unit: "pct", above: "95" },
      { scopeKind: "provider", scopeValue: other.provider.id },
    );
    const asOf = "2026-06-01T00:00:00Z";
    const burndown = await getContractBurndown(roleCtx(db(), "viewer"), c.id, d(asOf));
    expect([burndown.projected!.toFixed(2), burndown.shortfall.toFixed(2)]).toEqual(["86880.00", "913120.00"]);
    const result = await evaluate(asOf);
    expect(mine(result.fired, pct.id)).toEqual([]);
    expect(mine(result.fired, amount.id).map((a) => a.summary)).toEqual([
      `Contract ${c.name} is projected at $86,880.00 against $1,000,000.00 committed: a shortfall of $913,120.00 (91.3 %; rule: above $900,000.00).`,
    ]);
  });

  it("fires an unmatched-charges rule above an amount, per billing currency, as the unmatched list totals it", async () => {
    const other = await insertCatalog(db());
    const importId = await insertImport(db());
    await insertCharges(db(), importId, [
      { providerId: other.provider.id, billedCost: "1000.25", effectiveCost: "1000.25" },
      { providerId: other.provider.id, billedCost: "250.25", effectiveCost: "250.25" },
    ]);
    const r = await rule("unmatched_charges", { above: "1000" }, { scopeKind: "provider", scopeValue: other.provider.id });
    const fired = mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id);
    expect(fired.map((a) => a.summary)).toEqual([
      `2 charges of ${other.provider.name} totalling $1,250.50 match no contract, reservation or accelerator type (rule: above $1,000.00).`,
    ]);
  });

  it("fires a commitment-utilization rule below X % over the last whole months", async () => {
    const other = await insertCatalog(db());
    const importId = await insertImport(db());
    const nov = { providerId: other.provider.id, chargePeriodStart: d("2026-11-10"), chargePeriodEnd: d("2026-11-11") };
    await insertCharges(db(), importId, [
      { ...nov, commitmentDiscountStatus: "Used", billedCost: "300", effectiveCost: "300" },
      { ...nov, commitmentDiscountStatus: "Unused", billedCost: "700", effectiveCost: "700" },
    ]);
    const r = await rule("commitment_utilization", { belowPct: "50", months: 1 }, { scopeKind: "provider", scopeValue: other.provider.id });
    const fired = mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id);
    // 300 ÷ (300 + 700) = 30 %.
    expect(fired.map((a) => a.summary)).toEqual([
      `${other.provider.name} used 30.0 % of its commitments in Nov 2026 ($700.00 unused; rule: below 50 % over 1 month).`,
    ]);
  });

  it("fires an idle-block rule for a block used under X % over the last N days, as /utilization measures it", async () => {
    const other = await insertCatalog(db());
    const block = await insertReservationRow(db(), other, {
      quantity: 10,
      rate: "2",
      startAt: d("2026-11-01"),
      endAt: d("2027-02-01"),
      status: "active",
    });
    // 7 days × 24 AH used of 10 × 24 = 240 AH a day: 10 %; idle (1,680 − 168) × $2 = $3,024.
    const days = ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"];
    await db()
      .insert(utilizationDaily)
      .values(days.map((day) => ({ reservationId: block.id, day, usedAh: "24", hoursReported: 24 })));
    const r = await rule("idle_block", { belowPct: "25", days: 7 }, { scopeKind: "site", scopeValue: other.site.id });
    const fired = mine((await evaluate("2026-12-06T09:00:00Z")).fired, r.id);
    expect(fired.map((a) => a.summary)).toEqual([
      `Block ${block.name} (H100, ${other.provider.name}, ${other.site.name}) used 10.0 % of its capacity over the last 7 days, $3,024.00 of idle cost (rule: below 25 %).`,
    ]);
    expect(fired[0]!.scope).toEqual({ family: "H100", provider: other.provider.id, site: other.site.id });
  });

  it("fires, repeats after the interval, stays quiet while muted and resolves when the condition ends", async () => {
    const c = await insertContractRow(db(), cat, { startDate: "2026-02-01", endDate: "2027-01-31" });
    const r = await rule("notice_date", { withinDays: 0, noticeDays: 90, of: "contract" }, { repeatMinutes: 60 });
    const first = await evaluate("2026-12-06T09:00:00Z");
    const [fired] = mine(first.fired, r.id);
    expect(fired).toBeDefined();
    // 30 minutes later: still firing, not yet due again.
    const second = await evaluate("2026-12-06T09:30:00Z");
    expect([mine(second.fired, r.id), mine(second.repeated, r.id)]).toEqual([[], []]);
    expect(mine(second.firing, r.id).map((a) => a.alertId)).toEqual([fired!.alertId]);
    // 61 minutes after it was sent: repeated.
    expect(mine((await evaluate("2026-12-06T10:01:00Z")).repeated, r.id).map((a) => a.alertId)).toEqual([fired!.alertId]);
    // Muted until noon: seen, not repeated, no notification row even with a channel routing everything.
    const [ch] = await db()
      .insert(channels)
      .values({ name: uniq("All"), kind: "email", config: { recipients: ["ops@example.com"] }, routeAll: true })
      .returning();
    await db()
      .update(alertRules)
      .set({ mutedUntil: d("2026-12-06T12:00:00Z") })
      .where(eq(alertRules.id, r.id));
    const muted = await evaluate("2026-12-06T11:30:00Z");
    expect(mine(muted.repeated, r.id)).toEqual([]);
    expect(await db().select().from(notifications).where(eq(notifications.evaluationId, muted.evaluationId))).toEqual([]);
    await db().update(alertRules).set({ mutedUntil: null }).where(eq(alertRules.id, r.id));
    // The contract archived: the alert resolves, once.
    await db().update(contracts).set({ archivedAt: new Date() }).where(eq(contracts.id, c.id));
    const gone = await evaluate("2026-12-06T13:00:00Z");
    expect(mine(gone.resolved, r.id).map((a) => a.alertId)).toEqual([fired!.alertId]);
    expect(mine((await evaluate("2026-12-06T13:05:00Z")).resolved, r.id)).toEqual([]);
    const events = await db().select().from(alertEvents).where(eq(alertEvents.alertId, fired!.alertId)).orderBy(alertEvents.id);
    expect(events.map((e) => e.event)).toEqual(["fired", "repeated", "resolved"]);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, fired!.alertId));
    expect(row).toMatchObject({ status: "resolved", resolvedAt: d("2026-12-06T13:00:00Z"), lastSeenAt: d("2026-12-06T11:30:00Z") });
    const [sent] = await db().select().from(notifications).where(eq(notifications.evaluationId, gone.evaluationId));
    expect(sent).toMatchObject({ channelId: ch!.id, subject: "Headroom: 1 alert resolved", status: "pending" });
    await db().update(channels).set({ archivedAt: new Date() }).where(eq(channels.id, ch!.id));
  });

  it("routes each evaluation's alerts to channels by rule, severity and scope, one notification per channel", async () => {
    const other = await insertCatalog(db());
    const mineC = await insertContractRow(db(), cat, { startDate: "2026-02-01", endDate: "2027-01-30" });
    const theirs = await insertContractRow(db(), { ...cat, provider: other.provider }, { startDate: "2026-02-01", endDate: "2027-01-30" });
    const warn = await rule("notice_date", { withinDays: 0, noticeDays: 90, of: "contract" });
    const crit = await rule(
      "notice_date",
      { withinDays: 0, noticeDays: 90, of: "contract" },
      { severity: "critical", scopeKind: "provider", scopeValue: other.provider.id },
    );
    const email = (name: string, v: Partial<typeof channels.$inferInsert>) =>
      db()
        .insert(channels)
        .values({ name: uniq(name), kind: "email", config: { recipients: ["x@example.com"] }, ...v })
        .returning()
        .then((rows) => rows[0]!);
    const criticalOnly = await email("Pager", { routeAll: true, minSeverity: "critical" });
    const scoped = await email("Cloud team", { scopeKind: "provider", scopeValue: cat.provider.id });
    const disabled = await email("Off", { enabled: false });
    await db()
      .insert(alertRuleChannels)
      .values([
        { ruleId: warn.id, channelId: scoped.id },
        { ruleId: warn.id, channelId: disabled.id },
      ]);
    const result = await evaluate("2026-12-06T09:00:00Z");
    const rows = await db().select().from(notifications).where(eq(notifications.evaluationId, result.evaluationId));
    const byChannel = new Map(rows.map((n) => [n.channelId, n]));
    expect(rows).toHaveLength(2);
    const pager = byChannel.get(criticalOnly.id)!.payload as AlertNotificationPayload;
    expect(pager.items.map((i) => [i.ruleId, i.event, i.href])).toEqual([[crit.id, "fired", `/contracts/${theirs.id}`]]);
    expect(byChannel.get(criticalOnly.id)!.subject).toBe("Headroom: [critical] 1 alert firing");
    const team = byChannel.get(scoped.id)!.payload as AlertNotificationPayload;
    expect(team.items.map((i) => [i.ruleId, i.href])).toEqual([[warn.id, `/contracts/${mineC.id}`]]);
    expect(team).toMatchObject({ evaluationId: result.evaluationId, asOf: "2026-12-06T09:00:00.000Z" });
    expect(byChannel.has(disabled.id)).toBe(false);
    await db()
      .update(channels)
      .set({ archivedAt: new Date() })
      .where(inArray(channels.id, [criticalOnly.id, scoped.id, disabled.id]));
    await db()
      .update(contracts)
      .set({ archivedAt: new Date() })
      .where(inArray(contracts.id, [mineC.id, theirs.id]));
  });

  it("records and notifies each alert once when two evaluators run at the same time", async () => {
    const c = await insertContractRow(db(), cat, { startDate: "2026-02-01", endDate: "2027-01-29" });
    const r = await rule("notice_date", { withinDays: 0, noticeDays: 90, of: "contract" }, { repeatMinutes: 5 });
    const [ch] = await db()
      .insert(channels)
      .values({ name: uniq("Both"), kind: "webhook", config: { url: "https://example.com/h" }, routeAll: true })
      .returning();
    const at = "2026-12-06T09:00:00Z";
    // On a server, a second pool of its own, as a second app instance has; PGlite is one process's.
    const url = serverUrlOf(db());
    const second = url ? await openDatabase({ url, max: 2 }) : handle;
    const [a, b] = await Promise.all([evaluate(at), evaluateAlerts(second.db, { asOf: d(at), trigger: "schedule" })]).finally(() =>
      url ? second.close() : undefined,
    );
    expect(mine([...a.fired, ...b.fired], r.id)).toHaveLength(1);
    expect(mine([...a.repeated, ...b.repeated], r.id)).toHaveLength(0);
    const open = await db()
      .select()
      .from(alerts)
      .where(and(eq(alerts.ruleId, r.id), eq(alerts.status, "firing")));
    expect(open).toHaveLength(1);
    const sent = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.channelId, ch!.id), inArray(notifications.evaluationId, [a.evaluationId, b.evaluationId])));
    expect(sent).toHaveLength(1);
    expect((sent[0]!.payload as AlertNotificationPayload).items.filter((i) => i.ruleId === r.id)).toHaveLength(1);
    const events = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(alertEvents)
      .where(eq(alertEvents.alertId, open[0]!.id));
    expect(Number(events[0]!.n)).toBe(1);
    await db().update(contracts).set({ archivedAt: new Date() }).where(eq(contracts.id, c.id));
  });
});
