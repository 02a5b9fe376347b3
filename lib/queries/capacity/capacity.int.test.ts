import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { scenarios } from "@/lib/db/schema";
import { addUtcMonths, isoDay, parseUtc } from "@/lib/metrics/calendar";
import { capacityDemandLine, type CapacityDemandLine, type GroupHistory } from "@/lib/metrics/capacity-demand";
import { dec } from "@/lib/metrics/decimal";
import { hoursIn } from "@/lib/metrics/period";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";
import type { Ctx } from "@/lib/auth/context";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { capacityCsv } from "./csv";
import { forecastMonths, getCapacity, HISTORY_MONTHS, loadCapacityRunway, UNPLACED } from "./index";

const month = (p: { from: Date } | null | undefined) => (p ? isoDay(p.from).slice(0, 7) : null);
const BASE = { provider: null, family: null, site: null, scenario: null } as const;

function flat(line: CapacityDemandLine) {
  return {
    key: line.key,
    runway: month(line.runway),
    method: line.method,
    points: line.points.map((p) =>
      [
        p.capacity,
        p.forecast.median,
        p.planned,
        p.demand.median,
        p.demand.lower80,
        p.demand.upper80,
        p.demand.lower95,
        p.demand.upper95,
        p.gap,
      ].map((d) => d.toSignificantDigits(20).toString()),
    ),
    past: line.past.map((p) => [p.capacity, p.used].map((d) => d.toSignificantDigits(20).toString())),
  };
}

describeOnEachEngine("capacity vs demand queries", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
    viewer = roleCtx(handle.db, "viewer");
  });
  afterAll(() => handle.close());

  it("finds each runway worked by hand from the fixture", async () => {
    const r = await loadCapacityRunway(viewer, { asOf: FIXTURE_AS_OF });
    const family = (f: string) => r.byFamily.find((x) => x.family === f)!.line;
    // H100 history (R1 + R3, hours reported 24, so Nov 2025 — the first month — is partial and left out):
    // Dec 700,000 ÷ 744, Jan 750,000 ÷ 744, Feb 710,000 ÷ 672 → 3 months: the last value held, 710,000 ÷ 672 = 1,056.5476.
    const h100 = family("H100");
    expect(h100.method).toBe("naive");
    expect(h100.points[0]!.demand.median.toFixed(4)).toBe(dec(710000).div(672).toFixed(4));
    // April: R1 1,000 + R3 100 × 14 of 30 days = 1,046.67 < 1,056.55 (March: 1,100). D3 started in January: not added.
    expect(h100.points[1]!.capacity.toFixed(4)).toBe("1046.6667");
    expect(month(h100.runway)).toBe("2026-04");
    // B200: R2 400 × 2.5 = 1,000 H100e from May; D1 1,500 H100e Jul–Sep; the history ends in a zero month → 0.
    expect(family("B200").points[4]!.capacity.toString()).toBe("1000");
    expect(month(family("B200").runway)).toBe("2026-07");
    // MI300X: R5 ends 10 May; June holds nothing against 43,200 ÷ 672 = 64.29 of use.
    expect(month(family("MI300X").runway)).toBe("2026-06");
    // All families: July = R2 1,000 against 1,056.55 + 500 (D2) + 1,500 (D1) + 64.29.
    expect(month(r.overall.runway)).toBe("2026-07");
    expect(r.overall.points[4]!.demand.median.toFixed(2)).toBe(dec(710000).div(672).plus(dec(43200).div(672)).plus(2000).toFixed(2));
  });

  it("equals the metric functions applied to the raw rows, by site in accelerators", async () => {
    const view = await getCapacity(viewer, { ...BASE, by: "site", unit: "accelerators", asOf: FIXTURE_AS_OF });
    const months = forecastMonths(FIXTURE_AS_OF);
    const blocks = await queryRows<{ id: string; site: string; quantity: number; start_at: string; end_at: string }>(
      handle.db,
      sql`select r.id, s.name as site, r.quantity,
                 to_char(r.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start_at,
                 to_char(r.end_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as end_at
          from reservations r join sites s on s.id = r.site_id where r.archived_at is null`,
    );
    const usage = await queryRows<{ reservation_id: string; month: string; used_ah: string; hours_reported: number }>(
      handle.db,
      sql`select reservation_id, to_char(month, 'YYYY-MM-DD') as month, used_ah::text as used_ah, hours_reported from utilization_monthly`,
    );
    const first = addUtcMonths(months[0]!.from, -HISTORY_MONTHS);
    const historyMonths = Array.from({ length: HISTORY_MONTHS }, (_, i) => ({
      from: addUtcMonths(first, i),
      to: addUtcMonths(first, i + 1),
    }));
    const siteOf = new Map(blocks.map((b) => [b.id, b.site]));
    const history = new Map<string, GroupHistory & { complete: boolean[] }>();
    for (const u of usage) {
      const site = siteOf.get(u.reservation_id);
      const i = historyMonths.findIndex((m) => m.from.getTime() === parseUtc(u.month).getTime());
      if (!site || i < 0) continue;
      const h = history.get(site) ?? {
        group: site,
        months: historyMonths,
        used: historyMonths.map(() => dec(0)),
        complete: historyMonths.map(() => false),
      };
      h.used[i] = dec(h.used[i]).plus(u.used_ah);
      h.complete[i] = h.complete[i]! || u.hours_reported * 2 >= hoursIn(historyMonths[i]!).toNumber();
      history.set(site, h);
    }
    const span = (b: (typeof blocks)[number]) => ({ units: b.quantity, startAt: parseUtc(b.start_at), endAt: parseUtc(b.end_at) });
    const expected = ["Alpha", "Beta", "Gamma"].map((site) =>
      capacityDemandLine({
        key: site,
        label: site,
        months,
        blocks: blocks.filter((b) => b.site === site).map(span),
        plans: [],
        history: history.get(site) ?? null,
        growthPct: 0,
      }),
    );
    // Plans name a family only: D1 1,500 H100e ÷ 2.5 = 600 B200, D2 500 H100, D6 100 MI300X (D3 already running).
    const plans = capacityDemandLine({
      key: UNPLACED,
      label: UNPLACED,
      months,
      blocks: [],
      plans: [
        { units: 600, startAt: parseUtc("2026-07-01"), endAt: parseUtc("2026-10-01") },
        { units: 500, startAt: parseUtc("2026-06-01"), endAt: parseUtc("2027-06-01") },
        { units: 100, startAt: parseUtc("2026-04-01"), endAt: parseUtc("2026-05-01") },
      ],
      history: null,
      growthPct: 0,
    });
    const byName = new Map(view.groups.map((g) => [g.label, g]));
    for (const e of expected) expect(flat({ ...byName.get(e.label)!, key: e.label })).toEqual(flat(e));
    const unplaced = view.groups.find((g) => g.key === UNPLACED)!;
    expect(flat(unplaced).points).toEqual(flat(plans).points);
    expect(view.groups).toHaveLength(4);
  });

  it("grows demand and plans by the scenario's percentage", async () => {
    const [s] = await handle.db
      .insert(scenarios)
      .values({ name: "Plus half", overrides: { demandGrowthPct: "50" } })
      .returning();
    const base = await getCapacity(viewer, { ...BASE, family: "H100", by: "family", unit: "h100e", asOf: FIXTURE_AS_OF });
    const grown = await getCapacity(viewer, { ...BASE, family: "H100", scenario: s!.id, by: "family", unit: "h100e", asOf: FIXTURE_AS_OF });
    const h = (v: typeof base) => v.byFamily.find((f) => f.family === "H100")!.line;
    expect(h(grown).points[0]!.demand.median.toFixed(6)).toBe(h(base).points[0]!.demand.median.times(1.5).toFixed(6));
    // 1,056.55 × 1.5 = 1,584.8 > 1,100 in March.
    expect(month(h(grown).runway)).toBe("2026-03");
    expect(grown.focus.label).toBe("H100");
    expect(grown.model.scenario?.name).toBe("Plus half");
    // The baseline beside the scenario is the baseline page's own lines: runway from the fixture's hand-worked case,
    // and in March capacity is the same on both sides and demand × 1.5, so scenario gap − baseline gap = −0.5 × demand.
    expect(base.baseline).toBeNull();
    expect(month(grown.baseline!.focusLine.runway)).toBe(month(h(base).runway));
    expect(grown.baseline!.focusLine.points.map((p) => p.gap.toFixed(6))).toEqual(h(base).points.map((p) => p.gap.toFixed(6)));
    const march = grown.months.findIndex((m) => month(m) === "2026-03");
    const change = h(grown).points[march]!.gap.minus(grown.baseline!.focusLine.points[march]!.gap);
    expect(change.toFixed(6)).toBe(h(base).points[march]!.demand.median.times(-0.5).toFixed(6));
  });

  it("names what moves the runway: plans, bands and the blocks ending before it", async () => {
    const view = await getCapacity(viewer, { ...BASE, family: "B200", by: "family", unit: "h100e", asOf: FIXTURE_AS_OF });
    const d = view.focus.drivers;
    expect(d.plans.map((p) => [p.name, p.h100e.toString(), p.inRunwayMonth])).toEqual([["D1 frontier run", "1500", true]]);
    expect(d.sensitivity.find((x) => x.key === "noPlans")!.runway).toBeNull();
    // R2 ends 1 May 2027, after July 2026 + 3 months: not "around" the runway.
    expect(d.expiring).toEqual([]);
    const h100 = await getCapacity(viewer, { ...BASE, family: "H100", by: "family", unit: "h100e", asOf: FIXTURE_AS_OF });
    expect(h100.focus.drivers.expiring.map((b) => [b.name, b.beforeRunway])).toEqual([
      ["R3", true],
      ["R1", false],
    ]);
  });

  it("writes the gap table as one CSV row per group and month", async () => {
    const view = await getCapacity(viewer, { ...BASE, by: "family", unit: "h100e", asOf: FIXTURE_AS_OF });
    const { header, rows } = capacityCsv(view, "gap");
    const all = [...rows];
    expect(header.slice(0, 3)).toEqual(["family", "month", "capacity"]);
    expect(all).toHaveLength(view.groups.length * 24);
    const aprilH100 = all.find((r) => r[0] === "H100" && r[1] === "2026-04")!;
    expect(aprilH100[2]).toEqual({ number: "1046.6667" });
  });
});
