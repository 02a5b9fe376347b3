import { describe, expect, it } from "vitest";
import { isoDay, utcMonths } from "./calendar";
import { headroomBySite, monthlyHeadroom, tightestHeadroom, type SitePower } from "./power-headroom";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

// PUE 1.5; budget 3 MW until 1 May 2026, then 6 MW.
// Load A: 1,000 × 1,000 W = 1 MW IT all year; load B: 1,000 × 1,500 W = 1.5 MW IT over [15 Mar, 10 Apr).
const north: SitePower = {
  siteId: "n",
  siteName: "North",
  pue: "1.5",
  budgets: [
    { effectiveFrom: d("2026-01-01"), effectiveTo: d("2026-05-01"), contractedMw: "3" },
    { effectiveFrom: d("2026-05-01"), effectiveTo: null, contractedMw: "6" },
  ],
  loads: [
    { quantity: 1000, systemW: 1000, startAt: d("2026-01-01"), endAt: d("2027-01-01") },
    { quantity: 1000, systemW: 1500, startAt: d("2026-03-15"), endAt: d("2026-04-10") },
  ],
};
// PUE 1.0; budget 1 MW; load 1,000 × 800 W = 0.8 MW through February only.
const south: SitePower = {
  siteId: "s",
  siteName: "South",
  pue: "1.0",
  budgets: [{ effectiveFrom: d("2025-01-01"), effectiveTo: null, contractedMw: "1" }],
  loads: [{ quantity: 1000, systemW: 800, startAt: d("2026-02-01"), endAt: d("2026-03-01") }],
};
const months = utcMonths(d("2026-01-01"), 5);

describe("monthlyHeadroom", () => {
  it("takes the lowest headroom reached within each month", () => {
    const points = monthlyHeadroom(north, months);
    // Jan, Feb: 3 − 1 × 1.5 = 1.5
    // Mar: from 15 Mar IT = 2.5 MW → facility 3.75 → 3 − 3.75 = −0.75
    // Apr: at 1 Apr still 2.5 MW IT → −0.75 (B ends 10 Apr)
    // May: 6 − 1.5 = 4.5
    expect(points.map((p) => p.headroomMw.toString())).toEqual(["1.5", "1.5", "-0.75", "-0.75", "4.5"]);
    expect(points.map((p) => isoDay(p.at))).toEqual(["2026-01-01", "2026-02-01", "2026-03-15", "2026-04-01", "2026-05-01"]);
    expect(points[2]).toMatchObject({ overBudget: true });
    expect(points[2]!.facilityMw.toString()).toBe("3.75");
    expect(points[2]!.budgetMw.toString()).toBe("3");
  });
});

describe("tightestHeadroom", () => {
  it("finds the minimum across sites and months, the earlier month on ties", () => {
    const sites = headroomBySite([south, north], months);
    // South: 1 − 0.8 = 0.2 in Feb, else 1; North's −0.75 first reached in March
    expect(sites[0]!.monthly.map((p) => p.headroomMw.toString())).toEqual(["1", "0.2", "1", "1", "1"]);
    const tightest = tightestHeadroom(sites);
    expect(tightest?.siteName).toBe("North");
    expect(isoDay(tightest!.month.from)).toBe("2026-03-01");
    expect(tightest!.headroomMw.toString()).toBe("-0.75");
  });

  it("is null without sites", () => {
    expect(tightestHeadroom([])).toBeNull();
  });
});

describe("monthlyHeadroom on many loads", () => {
  // The instants a month is evaluated at, as first written: its start and every step strictly inside, per month.
  function reference(site: SitePower, ms: readonly { from: Date; to: Date }[]) {
    return ms.map((month) => {
      const times = new Set<number>([month.from.getTime()]);
      const add = (x: Date | null) => {
        if (x && x > month.from && x < month.to) times.add(x.getTime());
      };
      for (const l of site.loads) {
        add(l.startAt);
        add(l.endAt);
      }
      for (const b of site.budgets) {
        add(b.effectiveFrom);
        add(b.effectiveTo);
      }
      return [...times].sort((a, b) => a - b);
    });
  }

  it("evaluates each month at its start and at every step inside it (months not starting at midnight, shared and boundary steps)", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const day = 86_400_000;
    const t0 = d("2026-01-01").getTime();
    const loads = Array.from({ length: 300 }, () => {
      const start = t0 + (rand(900) - 100) * day + (rand(4) === 0 ? rand(86_400) * 1000 : 0);
      return {
        quantity: 1 + rand(64),
        systemW: 500 + rand(1500),
        startAt: new Date(start),
        endAt: new Date(start + (1 + rand(700)) * day),
      };
    });
    const site: SitePower = {
      siteId: "x",
      siteName: "X",
      pue: "1.31",
      budgets: [
        { effectiveFrom: d("2025-06-01"), effectiveTo: d("2026-07-15"), contractedMw: "40" },
        { effectiveFrom: d("2026-07-15"), effectiveTo: null, contractedMw: "55.5" },
      ],
      loads,
    };
    const ms = [{ from: new Date(t0 + 3 * day + 12_345_678), to: d("2026-02-01") }, ...utcMonths(d("2026-02-01"), 30)];
    const points = monthlyHeadroom(site, ms);
    const ref = reference(site, ms);
    points.forEach((p, i) => {
      expect(ref[i]).toContain(p.at.getTime());
      // The lowest headroom over the reference instants, the earliest on ties.
      const best = ref[i]!.map(
        (t) => monthlyHeadroom({ ...site, loads: site.loads, budgets: site.budgets }, [{ from: new Date(t), to: new Date(t + 1) }])[0]!,
      ).reduce((a, b) => (b.headroomMw.lessThan(a.headroomMw) ? b : a));
      expect(p.headroomMw.toString()).toBe(best.headroomMw.toString());
      expect(p.at.getTime()).toBe(best.at.getTime());
      expect(p.facilityMw.toString()).toBe(best.facilityMw.toString());
      expect(p.budgetMw.toString()).toBe(best.budgetMw.toString());
    });
  });
});
