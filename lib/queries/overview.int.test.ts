import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { isoDay } from "@/lib/metrics/calendar";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getOverview, type OverviewResult } from "./overview";
import { FIXTURE_AS_OF, insertOverviewFixture } from "./overview/test-fixture";

const s = (v: { toString(): string } | null | undefined) => (v == null ? null : v.toString());
const month = (p: { from: Date } | null | undefined) => (p ? isoDay(p.from).slice(0, 7) : null);

describeOnEachEngine("getOverview", (engine) => {
  let handle: DbHandle;
  let empty: OverviewResult;
  let o: OverviewResult;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    empty = await getOverview(handle.db, { asOf: FIXTURE_AS_OF });
    await insertOverviewFixture(handle.db);
    o = await getOverview(handle.db, { asOf: FIXTURE_AS_OF });
  });
  afterAll(() => handle.close());

  it("answers an empty database with zeros and nulls", () => {
    expect(empty.isEmpty).toBe(true);
    expect(s(empty.committed.total)).toBe("0");
    expect(s(empty.plannedSpend.total)).toBe("0");
    expect(empty.fleet.accelerators).toBe(0);
    expect(empty.utilization.ratio).toBeNull();
    expect(empty.utilization.daily).toHaveLength(30);
    expect(empty.power.tightest).toBeNull();
    expect(empty.runway.overall.runway).toBeNull();
    expect(empty.runway.overall.series).toHaveLength(24);
    expect(empty.expiring.count).toBe(0);
  });

  it("sums committed spend of active, pending and exhausted USD contracts", () => {
    // 1,000,000.50 + 250,000.25 + 99.25 = 1,250,100.00; proposed/expired/cancelled, EUR and archived left out
    expect(o.isEmpty).toBe(false);
    expect(o.committed.total.toFixed(2)).toBe("1250100.00");
    expect(o.committed.contracts).toBe(3);
    expect(o.committed.otherCurrencyContracts).toBe(1);
    expect(o.committed.byStatus.map((b) => [b.status, s(b.amount), b.counted])).toEqual([
      ["active", "1000000.5", true],
      ["pending", "250000.25", true],
      ["exhausted", "99.25", true],
      ["proposed", "5000000", false],
      ["expired", "7", false],
      ["cancelled", "9", false],
    ]);
  });

  it("computes planned spend year to date from reserved hours and on-demand/spot use", () => {
    // Reserved: R1 1,000 × 744 h × $2 = 1,488,000 (Jan); × 672 h = 1,344,000 (Feb); × 372 h (1–16 Mar 12:00) = 744,000
    //           R4 (expired) 50 × 744 h × $5 = 186,000 (Jan). R2 is only planned; R6 archived.
    // Usage:    Jan R3 50,000 AH × $3 = 150,000; Feb R3 40,000 × 3 = 120,000 + R5 34,560 × 1.5 = 51,840
    //           Mar from daily rows before 16 Mar: R3 (2,400 + 1,200) × 3 = 10,800 + R5 2,400 × 1.5 = 3,600
    const p = o.plannedSpend;
    expect(p.monthly.map((m) => [month(m.month), s(m.reserved), s(m.usageBased), s(m.total)])).toEqual([
      ["2026-01", "1674000", "150000", "1824000"],
      ["2026-02", "1344000", "171840", "1515840"],
      ["2026-03", "744000", "14400", "758400"],
    ]);
    expect([s(p.reserved), s(p.usageBased), s(p.total)]).toEqual(["3762000", "336240", "4098240"]);
    expect(p.period.to.toISOString()).toBe(FIXTURE_AS_OF.toISOString());
  });

  it("counts accelerators and H100e in service at asOf by family", () => {
    // H100: R1 1,000 + R3 100 = 1,100 × 1 = 1,100; MI300X: R5 200 × 1.25 = 250; R2 not started, R4 expired, R6 archived
    expect(o.fleet.byFamily.map((f) => [f.family, f.accelerators, s(f.h100e)])).toEqual([
      ["H100", 1100, "1100"],
      ["MI300X", 200, "250"],
    ]);
    expect([o.fleet.accelerators, s(o.fleet.h100e)]).toEqual([1300, "1350"]);
  });

  it("computes utilization over the last 30 whole days from daily rollups only", () => {
    // Window [14 Feb, 16 Mar). Rows: R5 20 Feb 600 of 200 × 12 h = 2,400 (block starts at noon); R1 1 Mar 18,000/24,000;
    // R3 1 Mar 2,400/2,400; R5 10 Mar 2,400/4,800; R1 15 Mar 12,000/24,000; R3 15 Mar 1,200/2,400.
    // used 36,600 ÷ capacity 60,000 = 0.61. Idle: R1 (48,000 − 30,000) × $2 = 36,000.
    const u = o.utilization;
    expect([s(u.usedAh), s(u.capacityAh), s(u.ratio), s(u.idleCost)]).toEqual(["36600", "60000", "0.61", "36000"]);
    expect(isoDay(u.window.from)).toBe("2026-02-14");
    expect(u.daily).toHaveLength(30);
    const byDay = Object.fromEntries(u.daily.filter((d) => d.ratio).map((d) => [isoDay(d.day.from), d.ratio!.toFixed(4)]));
    // 1 Mar: 20,400 ÷ 26,400 = 0.7727; 15 Mar: 13,200 ÷ 26,400 = 0.5
    expect(byDay).toEqual({ "2026-02-20": "0.2500", "2026-03-01": "0.7727", "2026-03-10": "0.5000", "2026-03-15": "0.5000" });
    // H100: 33,600 ÷ 52,800; MI300X: 3,000 ÷ 7,200
    expect(u.byFamily.map((f) => [f.family, s(f.usedAh), s(f.capacityAh), f.ratio!.toFixed(4), s(f.idleCost)])).toEqual([
      ["H100", "33600", "52800", "0.6364", "36000"],
      ["MI300X", "3000", "7200", "0.4167", "0"],
    ]);
  });

  it("finds the tightest power headroom in the next 12 months", () => {
    // Alpha (PUE 1.25, 2 MW until 1 Jun then 4 MW): R1 1,000 × 1 kW = 1 MW IT; from 1 May + R2 400 × 2 kW = 0.8 MW.
    //   May: 2 − 1.8 × 1.25 = −0.25 (over); Jun: 4 − 2.25 = 1.75; from Jul only R2: 4 − 1.0 = 3.
    // Beta (PUE 1.5, 1 MW): R3 0.1 MW until 15 Apr, R5 0.3 MW until 10 May → Mar/Apr 1 − 0.6 = 0.4; May 0.55; then 1.
    // Gamma has no budget.
    const p = o.power;
    expect(p.months).toHaveLength(12);
    expect(p.months[0]!.from.toISOString()).toBe(FIXTURE_AS_OF.toISOString());
    expect(p.sites.map((x) => [x.siteName, x.monthly.map((m) => s(m.headroomMw))])).toEqual([
      ["Alpha", ["0.75", "0.75", "-0.25", "1.75", "3", "3", "3", "3", "3", "3", "3", "3"]],
      ["Beta", ["0.4", "0.4", "0.55", "1", "1", "1", "1", "1", "1", "1", "1", "1"]],
    ]);
    expect(p.tightest).toMatchObject({ siteName: "Alpha", overBudget: true });
    expect(month(p.tightest!.month)).toBe("2026-05");
    expect([s(p.tightest!.headroomMw), s(p.tightest!.budgetMw), s(p.tightest!.facilityMw), s(p.tightest!.itMw)]).toEqual([
      "-0.25",
      "2",
      "2.25",
      "1.8",
    ]);
    expect(p.overBudgetSiteMonths).toBe(1);
  });

  it("finds the runway overall and per family", () => {
    // Observed Dec–Feb (2,160 h): H100 (700,000 + 700,000 + 670,000 + 50,000 + 40,000) = 2,160,000 → 1,000 H100e;
    //   MI300X 34,560 × 1.25 = 43,200 → 20; B200 (17,280 + 8,640) × 2.5 = 64,800 → 30.
    // Plans from March on (baseline, not archived): D1 B200 1,500 Jul–Sep; D2 H100 500 Jun 26–May 27; D6 MI300X 100 × 1.25 Apr.
    // H100: May demand 744,000 = capacity 744,000 (not short); Jun 720,000 + 360,000 > 720,000 → Jun 2026.
    // B200: no capacity in March, demand 30 × 744 → Mar 2026. MI300X: R5 ends 10 May → Jun 2026.
    // Overall Mar: capacity 818,400 + 186,000 = 1,004,400; demand 744,000 + 22,320 + 14,880 = 781,200.
    // Overall Jul: capacity R2 1,000 × 744 = 744,000; demand 1,116,000 + 1,138,320 + 14,880 = 2,269,200 → Jul 2026.
    const r = o.runway;
    expect(month(r.observed)).toBe("2025-12");
    expect(r.byFamily.map((f) => [f.family, month(f.runway)])).toEqual([
      ["H100", "2026-06"],
      ["MI300X", "2026-06"],
      ["B200", "2026-03"],
    ]);
    expect(month(r.overall.runway)).toBe("2026-07");
    expect(r.overall.series).toHaveLength(24);
    const at = (i: number) => r.overall.series[i]!;
    expect([s(at(0).capacity), s(at(0).demand), s(at(0).planned)]).toEqual(["1004400", "781200", "0"]);
    // April: capacity 720,000 + 100 × 336 h + 250 × 720 = 933,600; demand 720,000 + 21,600 + 14,400 + 90,000 = 846,000
    expect([s(at(1).capacity), s(at(1).demand)]).toEqual(["933600", "846000"]);
    expect([s(at(4).capacity), s(at(4).demand)]).toEqual(["744000", "2269200"]);
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
});
