import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, reservations, scenarios } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { isoDay } from "@/lib/metrics/calendar";
import type { CapacityRunway } from "@/lib/queries/capacity";
import type { Ctx } from "@/lib/auth/context";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview, type OverviewResult } from "./";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";
import { getPowerPage } from "@/lib/queries/power";

const s = (v: { toString(): string } | null | undefined) => (v == null ? null : v.toString());
const month = (p: { from: Date } | null | undefined) => (p ? isoDay(p.from).slice(0, 7) : null);
const d = (day: string) => new Date(`${day}T00:00:00Z`);

function runwayShape(r: CapacityRunway) {
  const line = (l: CapacityRunway["overall"]) => [month(l.runway), l.points.map((p) => [s(p.capacity), s(p.demand.median), s(p.gap)])];
  return { months: r.months.map(month), overall: line(r.overall), byFamily: r.byFamily.map((f) => [f.family, ...line(f.line)]) };
}

describeOnEachEngine("getOverview", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  let empty: OverviewResult;
  let o: OverviewResult;
  let scenarioId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    empty = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: {} });
    await insertOverviewFixture(handle.db);
    const [r3] = await handle.db.select().from(reservations).where(eq(reservations.name, "R3"));
    const [h100] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.family, "H100"));
    // Azure's February bill: $118,000.50 under R3 and $99.99 tied to no accelerator type.
    await insertCharges(handle.db, await insertImport(handle.db), [
      {
        providerId: r3!.providerId,
        reservationId: r3!.id,
        acceleratorTypeId: h100!.id,
        chargePeriodStart: d("2026-02-01"),
        chargePeriodEnd: d("2026-03-01"),
        effectiveCost: "118000.50",
      },
      { providerId: r3!.providerId, chargePeriodStart: d("2026-02-10"), chargePeriodEnd: d("2026-02-11"), effectiveCost: "99.99" },
    ]);
    const [scenario] = await handle.db
      .insert(scenarios)
      .values({
        name: "No R3, dearer B200",
        overrides: { removeReservationIds: [r3!.id], priceChangePct: [{ family: "B200", pct: "10" }], demandGrowthPct: "50" },
      })
      .returning();
    scenarioId = scenario!.id;
    o = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: {} });
  });
  afterAll(() => handle.close());

  it("answers an empty database with zeros and nulls", () => {
    expect(empty.isEmpty).toBe(true);
    expect(empty.scenario).toBeNull();
    expect(s(empty.committed.total)).toBe("0");
    expect([s(empty.spend.toDate.total), s(empty.spend.forecast.total)]).toEqual(["0", "0"]);
    expect(empty.spend.forecast.months).toHaveLength(12);
    expect(empty.fleet.accelerators).toBe(0);
    expect(empty.utilization.ratio).toBeNull();
    expect(empty.utilization.daily).toHaveLength(30);
    expect(empty.power.tightest).toBeNull();
    expect(empty.runway.overall.runway).toBeNull();
    expect(empty.runway.overall.points).toHaveLength(24);
    expect(empty.expiring.count).toBe(0);
  });

  it("sums committed spend of active, pending and exhausted contracts, saying it left out C7 (EUR, no rate)", () => {
    // 1,000,000.50 + 250,000.25 + 99.25 = 1,250,100.00; proposed/expired/cancelled and archived not counted
    expect(o.isEmpty).toBe(false);
    expect(o.committed.total.toFixed(2)).toBe("1250100.00");
    expect(o.committed.contracts).toBe(3);
    expect(o.committed.unconverted).toEqual([{ currency: "EUR", count: 1 }]);
    expect(o.committed.converted).toEqual([]);
    expect(o.committed.byStatus.map((b) => [b.status, s(b.amount), b.counted])).toEqual([
      ["active", "1000000.5", true],
      ["pending", "250000.25", true],
      ["exhausted", "99.25", true],
      ["proposed", "5000000", false],
      ["expired", "7", false],
      ["cancelled", "9", false],
    ]);
  });

  it("converts a contract in another currency at its HEADROOM_FX_RATES rate", async () => {
    // C7: 123 EUR × 1.08 = 132.84 USD, active → 1,250,100.00 + 132.84 = 1,250,232.84 over 4 contracts
    const fx = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: { EUR: "1.08", JPY: "0.0067" } });
    expect([fx.committed.total.toFixed(2), fx.committed.contracts]).toEqual(["1250232.84", 4]);
    expect(s(fx.committed.byStatus[0]!.amount)).toBe("1000133.34");
    expect(fx.committed.converted).toEqual([{ currency: "EUR", rate: "1.08" }]);
    expect(fx.committed.unconverted).toEqual([]);
    // A rate for another currency only: C7 still left out and said so
    const gbp = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: { GBP: "1.27" } });
    expect(gbp.committed.unconverted).toEqual([{ currency: "EUR", count: 1 }]);
  });

  it("computes spend to date over the closed months, actual where a provider has billing and planned elsewhere", () => {
    // Jan: Own R1 1,000 × 744 h × $2 = 1,488,000; Azure R3 50,000 AH used × $3 = 150,000 + R4 50 × 744 h × $5 = 186,000.
    // Feb: Own R1 1,000 × 672 h × $2 = 1,344,000; Azure billed: 118,000.50 + 99.99 = 118,100.49, so its planned
    //      R3 40,000 × 3 + R5 34,560 × 1.5 = 171,840 is not added.
    const t = o.spend.toDate;
    expect([isoDay(t.period.from), isoDay(t.period.to)]).toEqual(["2026-01-01", "2026-03-01"]);
    expect(t.months.map((m) => [month(m.month), s(m.actual), s(m.planned), s(m.total)])).toEqual([
      ["2026-01", "0", "1824000", "1824000"],
      ["2026-02", "118100.49", "1344000", "1462100.49"],
    ]);
    expect([s(t.actual), s(t.planned), s(t.total)]).toEqual(["118100.49", "3168000", "3286100.49"]);
    expect(t.actualMonths.map((m) => isoDay(m))).toEqual(["2026-02-01"]);
    expect(t.byProvider.map((p) => [p.providerName, s(p.actual), s(p.planned)])).toEqual([
      ["Own", "0", "2832000"],
      ["Azure", "118100.49", "336000"],
    ]);
  });

  it("forecasts the next 12 months from this month, on-demand and spot blocks as used in full", () => {
    // Mar: R1 1,488,000 + R3 100 × 744 × 3 = 223,200 + R5 200 × 744 × 1.5 = 223,200 → 1,934,400
    // Apr: R1 1,440,000 + R3 100 × 336 h × 3 = 100,800 + R5 200 × 720 × 1.5 = 216,000 → 1,756,800
    // May: R1 1,488,000 + R2 400 × 744 × $4 = 1,190,400 + R5 200 × 216 h × 1.5 = 64,800 → 2,743,200
    // R2 May 2026 – Feb 2027: 7,296 h × 400 × $4 = 11,673,600; R1 Mar–Jun 5,856,000; Azure 828,000 → 18,357,600
    const f = o.spend.forecast;
    expect([isoDay(f.period.from), isoDay(f.period.to)]).toEqual(["2026-03-01", "2027-03-01"]);
    expect(f.months.slice(0, 3).map((m) => s(m.total))).toEqual(["1934400", "1756800", "2743200"]);
    expect([s(f.actual), s(f.planned), s(f.total)]).toEqual(["0", "18357600", "18357600"]);
    expect(f.byProvider.map((p) => [p.providerName, s(p.total)])).toEqual([
      ["Own", "17529600"],
      ["Azure", "828000"],
    ]);
  });

  it("gives the same spend as the Costs page for the same months", async () => {
    const toDate = await getCostsFromUrl(viewer, { from: "2026-01", to: "2026-02" }, FIXTURE_AS_OF);
    const next = await getCostsFromUrl(viewer, { range: "12m" }, FIXTURE_AS_OF);
    const shape = (months: { month: { from: Date }; actual: unknown; planned: unknown }[]) =>
      months.map((m) => [month(m.month), s(m.actual as string), s(m.planned as string)]);
    expect(shape(o.spend.toDate.months)).toEqual(shape(toDate.view.spend));
    expect(shape(o.spend.forecast.months)).toEqual(shape(next.view.spend));
  });

  it("counts accelerators and H100e in service at asOf by family", () => {
    // H100: R1 1,000 + R3 100 = 1,100 × 1 = 1,100; MI300X: R5 200 × 1.25 = 250; R2 not started, R4 ended, R6 archived
    expect(o.fleet.byFamily.map((f) => [f.family, f.accelerators, s(f.h100e)])).toEqual([
      ["H100", 1100, "1100"],
      ["MI300X", 200, "250"],
    ]);
    expect([o.fleet.accelerators, s(o.fleet.h100e)]).toEqual([1300, "1350"]);
  });

  it("computes utilization over the last 30 whole days from daily rollups, measured blocks over every hour", () => {
    // Window [14 Feb, 16 Mar) = 720 h; measured blocks (a daily row in the window): R1 1,000 × 720 = 720,000 AH,
    // R3 100 × 720 = 72,000, R5 200 × 564 h (from 20 Feb 12:00) = 112,800 → 904,800 AH. Rows: R5 20 Feb 600;
    // R1 1 Mar 18,000; R3 1 Mar 2,400; R5 10 Mar 2,400; R1 15 Mar 12,000; R3 15 Mar 1,200 → used 36,600.
    // 36,600 ÷ 904,800 = 0.040451. Idle: R1 (720,000 − 30,000) × $2 = 1,380,000 (R3 on demand, R5 spot).
    const u = o.utilization;
    expect([s(u.usedAh), s(u.capacityAh), u.ratio!.toFixed(6), s(u.idleCost), u.unmeasured]).toEqual([
      "36600",
      "904800",
      "0.040451",
      "1380000",
      0,
    ]);
    expect(isoDay(u.window.from)).toBe("2026-02-14");
    expect(u.daily).toHaveLength(30);
    const byDay = Object.fromEntries(u.daily.map((x) => [isoDay(x.day.from), x.ratio!.toFixed(4)]));
    // A day without rows still has the measured blocks' capacity: 14 Feb R1 24,000 + R3 2,400 = 26,400, none used.
    // 20 Feb 600 ÷ (24,000 + 2,400 + 200 × 12) = 0.0208; 1 Mar 20,400 ÷ 31,200 = 0.6538; 15 Mar 13,200 ÷ 31,200
    expect([byDay["2026-02-14"], byDay["2026-02-20"], byDay["2026-03-01"], byDay["2026-03-15"]]).toEqual([
      "0.0000",
      "0.0208",
      "0.6538",
      "0.4231",
    ]);
    // H100: 33,600 ÷ 792,000; MI300X: 3,000 ÷ 112,800
    expect(u.byFamily.map((f) => [f.family, s(f.usedAh), s(f.capacityAh), f.ratio!.toFixed(4), s(f.idleCost)])).toEqual([
      ["H100", "33600", "792000", "0.0424", "1380000"],
      ["MI300X", "3000", "112800", "0.0266", "0"],
    ]);
  });

  it("finds the tightest power headroom of the next 12 months, as the Power page does", async () => {
    // Alpha (PUE 1.25, 2 MW until 1 Jun then 4 MW): R1 1,000 × 1 kW = 1 MW IT; from 1 May + R2 400 × 2 kW = 0.8 MW.
    //   May: 2 − 1.8 × 1.25 = −0.25 (over); Jun: 4 − 2.25 = 1.75; from Jul only R2: 4 − 1.0 = 3.
    // Beta (PUE 1.5, 1 MW): R3 0.1 MW until 15 Apr, R5 0.3 MW until 10 May → Mar/Apr 1 − 0.6 = 0.4; May 0.55; then 1.
    const p = o.power;
    expect(p.page.months).toHaveLength(12);
    expect(p.page.months[0]!.from.toISOString()).toBe(FIXTURE_AS_OF.toISOString());
    expect(p.page.sites.map((x) => [x.siteName, x.monthly.map((m) => s(m.headroomMw))])).toEqual([
      ["Alpha", ["0.75", "0.75", "-0.25", "1.75", "3", "3", "3", "3", "3", "3", "3", "3"]],
      ["Beta", ["0.4", "0.4", "0.55", "1", "1", "1", "1", "1", "1", "1", "1", "1"]],
    ]);
    expect(p.tightest!.site.siteName).toBe("Alpha");
    expect(month(p.tightest!.point.month)).toBe("2026-05");
    const t = p.tightest!.point;
    expect([s(t.headroomMw), s(t.budgetMw), s(t.facilityMw), s(t.itMw), t.overBudget]).toEqual(["-0.25", "2", "2.25", "1.8", true]);
    expect(p.overBudgetSiteMonths).toBe(1);

    const page = await getPowerPage(viewer, parsePlanningFilters({ range: "12m" }, { now: FIXTURE_AS_OF }), null, FIXTURE_AS_OF);
    const lowest = page.sites.map((x) => x.tightest!).sort((a, b) => a.headroomMw.comparedTo(b.headroomMw))[0]!;
    expect([s(t.headroomMw), month(t.month)]).toEqual([s(lowest.headroomMw), month(lowest.month)]);
    expect(page.firstOver).toMatchObject({ siteName: p.page.firstOver!.siteName, headroomMw: p.page.firstOver!.headroomMw });
  });

  it("finds the runway overall and per family exactly as the Capacity page does", async () => {
    // Worked by hand in the capacity query tests: H100 Apr 2026, MI300X Jun 2026, B200 Jul 2026, all families Jul 2026.
    const r = o.runway;
    expect(Object.fromEntries(r.byFamily.map((f) => [f.family, month(f.line.runway)]))).toEqual({
      H100: "2026-04",
      MI300X: "2026-06",
      B200: "2026-07",
    });
    expect(month(r.overall.runway)).toBe("2026-07");
    expect(r.overall.points).toHaveLength(24);
    expect(runwayShape(r)).toEqual(runwayShape(await loadCapacityRunway(viewer, { asOf: FIXTURE_AS_OF })));
  });

  it("lists reservations expiring within 90 days, largest first", () => {
    // Until 14 Jun 2026 12:00: R3 (100 H100, 15 Apr) and R5 (200 MI300X = 250 H100e, 10 May); R1 ends 1 Jul
    const e = o.expiring;
    expect([e.count, e.accelerators, s(e.h100e)]).toEqual([2, 300, "350"]);
    expect(e.top.map((x) => [x.name, x.site, x.quantity, isoDay(x.endAt)])).toEqual([
      ["R5", "Beta", 200, "2026-05-10"],
      ["R3", "Beta", 100, "2026-04-15"],
    ]);
  });

  it("follows a scenario on every planned number and still equals the pages under that scenario", async () => {
    const sc = await getOverview(viewer, { asOf: FIXTURE_AS_OF, scenario: scenarioId });
    expect(sc.scenario?.name).toBe("No R3, dearer B200");
    // R3 removed: 1,000 H100 in service; only R5 expires within 90 days.
    expect(sc.fleet.byFamily.map((f) => [f.family, f.accelerators])).toEqual([
      ["H100", 1000],
      ["MI300X", 200],
    ]);
    expect(sc.expiring.top.map((x) => x.name)).toEqual(["R5"]);
    // R2 at $4.40: 7,296 h × 400 × 4.4 = 12,840,960; Azure without R3: 504,000; R1 5,856,000 → 19,200,960
    expect(s(sc.spend.forecast.total)).toBe("19200960");
    // Billing is what it is: February's Azure actual is unchanged.
    expect(s(sc.spend.toDate.actual)).toBe("118100.49");
    // Committed spend and utilization read the registers and rollups, scenario or not.
    expect(s(sc.committed.total)).toBe(s(o.committed.total));
    expect(s(sc.utilization.ratio)).toBe(s(o.utilization.ratio));

    const [runway, page, next] = await Promise.all([
      loadCapacityRunway(viewer, { asOf: FIXTURE_AS_OF, scenario: scenarioId }),
      getPowerPage(viewer, parsePlanningFilters({ range: "12m", scenario: scenarioId }, { now: FIXTURE_AS_OF }), null, FIXTURE_AS_OF),
      getCostsFromUrl(viewer, { range: "12m", scenario: scenarioId }, FIXTURE_AS_OF),
    ]);
    expect(runwayShape(sc.runway)).toEqual(runwayShape(runway));
    expect(runwayShape(sc.runway)).not.toEqual(runwayShape(o.runway));
    expect(sc.power.page.sites.map((x) => [x.siteName, x.monthly.map((m) => s(m.headroomMw))])).toEqual(
      page.sites.map((x) => [x.siteName, x.monthly.map((m) => s(m.headroomMw))]),
    );
    expect(sc.spend.forecast.months.map((m) => s(m.total))).toEqual(next.view.spend.map((m) => s(m.total)));
  });

  it("refuses a scenario that does not exist", async () => {
    await expect(getOverview(viewer, { asOf: FIXTURE_AS_OF, scenario: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(
      NotFoundError,
    );
  });
});
