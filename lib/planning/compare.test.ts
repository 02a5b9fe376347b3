import { describe, expect, it } from "vitest";
import { dec } from "@/lib/metrics/decimal";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { compareSides, runwayShiftMonths, type ScenarioSide, type SideSite } from "./compare";

const month = (ym: string) => {
  const from = new Date(`${ym}-01T00:00:00Z`);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
};

const point = (ym: string, headroom: string): HeadroomPoint => ({
  month: month(ym),
  at: month(ym).from,
  budgetMw: dec(10),
  itMw: dec(0),
  facilityMw: dec(0),
  headroomMw: dec(headroom),
  overBudget: dec(headroom).isNegative(),
});
const site = (siteId: string, tightest: HeadroomPoint | null, over = 0): SideSite => ({
  siteId,
  siteName: siteId,
  pue: dec("1.2"),
  tightest,
  overBudgetMonths: over,
  firstOver: null,
});

const side = (key: string, over: Partial<ScenarioSide>): ScenarioSide => ({
  key,
  label: key,
  scenario: null,
  warnings: [],
  runway: { overall: null, byFamily: [] },
  spend: [],
  headroom: [],
  ...over,
});

describe("compareSides", () => {
  const a = side("baseline", {
    runway: {
      overall: month("2027-06"),
      byFamily: [
        { family: "GB200", runway: month("2027-03") },
        { family: "H100", runway: null },
      ],
    },
    spend: [
      { month: month("2026-10"), actual: dec("100"), planned: dec(0), total: dec("100") },
      { month: month("2026-11"), actual: dec(0), planned: dec("250.50"), total: dec("250.50") },
    ],
    headroom: [site("Abilene", point("2027-01", "12.5")), site("Quincy", point("2026-12", "3")), site("Empty", null)],
  });
  const b = side("more", {
    runway: {
      overall: month("2027-09"),
      byFamily: [
        { family: "GB200", runway: month("2027-08") },
        { family: "MI300X", runway: month("2026-12") },
      ],
    },
    spend: [
      { month: month("2026-10"), actual: dec("100"), planned: dec(0), total: dec("100") },
      { month: month("2026-11"), actual: dec(0), planned: dec("400.25"), total: dec("400.25") },
    ],
    headroom: [site("Abilene", point("2027-02", "-1.5"), 2), site("Quincy", point("2026-12", "3"))],
  });
  const rows = compareSides(a, b);

  it("lines runways up: overall first, then every family of either side, with the shift in months", () => {
    expect(
      rows.runway.map((r) => [r.label, r.a?.from.toISOString().slice(0, 7) ?? null, r.b?.from.toISOString().slice(0, 7) ?? null, r.shift]),
    ).toEqual([
      ["All families", "2027-06", "2027-09", 3],
      ["GB200", "2027-03", "2027-08", 5],
      ["H100", null, null, null],
      ["MI300X", null, "2026-12", null],
    ]);
  });

  it("subtracts spend month by month and in total (b − a): 400.25 − 250.50 = 149.75", () => {
    expect(rows.spend.map((s) => [s.delta.toString(), s.actual])).toEqual([
      ["0", true],
      ["149.75", false],
    ]);
    expect([rows.spendTotal.a.toString(), rows.spendTotal.b.toString(), rows.spendTotal.delta.toString()]).toEqual([
      "350.5",
      "500.25",
      "149.75",
    ]);
  });

  it("lists sites tightest first with the change in tightest headroom: −1.5 − 12.5 = −14 MW", () => {
    expect(rows.headroom.map((h) => [h.siteName, h.delta?.toString() ?? null])).toEqual([
      ["Abilene", "-14"],
      ["Quincy", "0"],
      ["Empty", null],
    ]);
    expect(rows.headroom[0]!.b!.overBudgetMonths).toBe(2);
  });
});

describe("runwayShiftMonths", () => {
  it("counts calendar months across a year end, negative when b runs out earlier", () => {
    expect(runwayShiftMonths(month("2026-11"), month("2027-02"))).toBe(3);
    expect(runwayShiftMonths(month("2027-02"), month("2026-11"))).toBe(-3);
    expect(runwayShiftMonths(null, month("2026-11"))).toBeNull();
  });
});

describe("compareCsvRows", () => {
  it("writes runway months as YYYY-MM, money and headroom exactly, never rounded", async () => {
    const { compareCsvRows } = await import("./compare");
    const a = side("a", {
      runway: { overall: month("2027-01"), byFamily: [] },
      spend: [{ month: month("2026-11"), actual: dec(0), planned: dec("10.005"), total: dec("10.005") }],
      headroom: [site("X", point("2026-12", "2.125"))],
    });
    const b = side("b", {
      runway: { overall: null, byFamily: [] },
      spend: [{ month: month("2026-11"), actual: dec(0), planned: dec("12"), total: dec("12") }],
      headroom: [site("X", point("2026-12", "1.5"), 1)],
    });
    expect(compareCsvRows(compareSides(a, b)).map((r) => [r.section, r.item, r.month, r.a, r.b, r.delta])).toEqual([
      ["runway", "All families", null, "2027-01", null, null],
      ["spend_usd", "total", "2026-11", "10.005", "12", "1.995"],
      ["spend_usd", "range total", null, "10.005", "12", "1.995"],
      ["tightest_headroom_mw", "X", "2026-12", "2.125", "1.5", "-0.625"],
    ]);
  });
});
