import { describe, expect, it } from "vitest";
import { isoDay, utcMonths } from "./calendar";
import { firstOverBudget, loadsInService } from "./power-causes";
import { headroomBySite, type SitePower } from "./power-headroom";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const months = utcMonths(d("2026-01-01"), 6);

// PUE 1.25, budget 2 MW. A: 800 × 1,000 W = 0.8 MW IT all year; B: 400 × 2,000 W = 0.8 MW IT from April; C: 100 × 1,500 W = 0.15 MW IT Jan–Feb.
const loads = [
  { name: "A", quantity: 800, systemW: 1000, startAt: d("2026-01-01"), endAt: d("2027-01-01") },
  { name: "B", quantity: 400, systemW: 2000, startAt: d("2026-04-01"), endAt: d("2027-01-01") },
  { name: "C", quantity: 100, systemW: 1500, startAt: d("2026-01-01"), endAt: d("2026-03-01") },
];
const alpha: SitePower = {
  siteId: "a",
  siteName: "Alpha",
  pue: "1.25",
  budgets: [{ effectiveFrom: d("2025-01-01"), effectiveTo: null, contractedMw: "2" }],
  loads,
};
// PUE 1.0, budget 1 MW until June, 3 MW after; 1,100 × 1,000 W = 1.1 MW IT from April → over in April and May.
const beta: SitePower = {
  siteId: "b",
  siteName: "Beta",
  pue: "1",
  budgets: [
    { effectiveFrom: d("2025-01-01"), effectiveTo: d("2026-06-01"), contractedMw: "1" },
    { effectiveFrom: d("2026-06-01"), effectiveTo: null, contractedMw: "3" },
  ],
  loads: [{ quantity: 1100, systemW: 1000, startAt: d("2026-04-01"), endAt: d("2027-01-01") }],
};

describe("loadsInService", () => {
  it("lists the loads drawing power at t with their facility MW, largest first", () => {
    // 1 Apr: A 0.8 × 1.25 = 1.0 MW, B 0.8 × 1.25 = 1.0 MW (tie → by name); C ended 1 Mar
    const april = loadsInService(loads, "1.25", d("2026-04-01"));
    expect(april.map((l) => [l.load.name, l.itMw.toString(), l.facilityMw.toString()])).toEqual([
      ["A", "0.8", "1"],
      ["B", "0.8", "1"],
    ]);
    // 1 Jan: A 1.0 MW, C 0.15 × 1.25 = 0.1875 MW
    expect(loadsInService(loads, "1.25", d("2026-01-01")).map((l) => [l.load.name, l.facilityMw.toString()])).toEqual([
      ["A", "1"],
      ["C", "0.1875"],
    ]);
  });
});

describe("firstOverBudget", () => {
  it("finds the earliest over-budget month, the deeper deficit on the same month", () => {
    const sites = headroomBySite([alpha, beta], months);
    // Alpha from April: (0.8 + 0.8) × 1.25 = 2.0 MW = budget 2 → headroom 0, not over
    expect(sites[0]!.monthly.map((p) => p.headroomMw.toString())).toEqual(["0.8125", "0.8125", "1", "0", "0", "0"]);
    // Beta: April and May 1 − 1.1 = −0.1; June 3 − 1.1 = 1.9
    const first = firstOverBudget(sites)!;
    expect(first.siteName).toBe("Beta");
    expect(isoDay(first.month.from)).toBe("2026-04-01");
    expect(first.headroomMw.toString()).toBe("-0.1");

    const tighterAlpha = { ...alpha, budgets: [{ effectiveFrom: d("2025-01-01"), effectiveTo: null, contractedMw: "1.5" }] };
    // Alpha at 1.5 MW: April 1.5 − 2.0 = −0.5, deeper than Beta's −0.1 in the same month
    expect(firstOverBudget(headroomBySite([beta, tighterAlpha], months))?.siteName).toBe("Alpha");
  });

  it("is null when no site goes over", () => {
    expect(firstOverBudget(headroomBySite([alpha], months))).toBeNull();
  });
});
