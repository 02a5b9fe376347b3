import { describe, expect, it } from "vitest";
import type { CapacityDemandLine, CapacityDemandPoint } from "./capacity-demand";
import { dec } from "./decimal";
import type { SpendMonth } from "./monthly-spend";
import type { HeadroomPoint } from "./power-headroom";
import { gapDeltas, headroomDeltas, monthRuns, runwayMove, spendDeltas } from "./scenario-delta";

const month = (ym: string) => {
  const from = new Date(`${ym}-01T00:00:00Z`);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
};
const ym = (d: Date) => d.toISOString().slice(0, 7);
const MONTHS = [month("2027-01"), month("2027-02"), month("2027-03")];

const band = (v: string) => ({ median: dec(v), lower80: dec(v), upper80: dec(v), lower95: dec(v), upper95: dec(v) });
const line = (key: string, gaps: string[]): CapacityDemandLine => ({
  key,
  label: key.toUpperCase(),
  method: "naive",
  historyMonths: 6,
  past: [],
  points: gaps.map((g, i): CapacityDemandPoint => ({
    month: MONTHS[i]!,
    capacity: dec(1000),
    forecast: band("0"),
    planned: dec(0),
    demand: band(dec(1000).minus(g).toString()),
    gap: dec(g),
  })),
  runway: null,
});

const hp = (ym: string, headroom: string): HeadroomPoint => ({
  month: month(ym),
  at: month(ym).from,
  budgetMw: dec(100),
  itMw: dec(0),
  facilityMw: dec(100).minus(headroom),
  headroomMw: dec(headroom),
  overBudget: dec(headroom).isNegative(),
});
const site = (siteId: string, headrooms: [string, string][]) => ({
  siteId,
  siteName: siteId,
  monthly: headrooms.map(([m, h]) => hp(m, h)),
});

const spendMonth = (ym: string, groups: Record<string, [string, string]>): SpendMonth => {
  const byGroup = new Map(Object.entries(groups).map(([g, [a, p]]) => [g, { actual: dec(a), planned: dec(p) }]));
  const actual = [...byGroup.values()].reduce((s, v) => s.plus(v.actual), dec(0));
  const planned = [...byGroup.values()].reduce((s, v) => s.plus(v.planned), dec(0));
  return { month: month(ym), actual, planned, total: actual.plus(planned), byGroup };
};

describe("runwayMove", () => {
  it("counts the months the runway moves, later positive", () => {
    // Feb 2027 → Apr 2027: (2027·12 + 3) − (2027·12 + 1) = 2 months later.
    const m = runwayMove(month("2027-02"), month("2027-04"));
    expect(m.shift).toBe(2);
    expect(m.unchanged).toBe(false);
    // Nov 2026 → Feb 2027 crosses a year: 12·2027 + 1 − (12·2026 + 10) = 3; backwards −3.
    expect(runwayMove(month("2027-02"), month("2026-11")).shift).toBe(-3);
  });

  it("is unchanged for the same month and when neither side runs out", () => {
    expect(runwayMove(month("2027-02"), month("2027-02")).unchanged).toBe(true);
    expect(runwayMove(null, null).unchanged).toBe(true);
  });

  it("has no shift when only one side runs out within the horizon", () => {
    const m = runwayMove(month("2027-02"), null);
    expect(m.shift).toBeNull();
    expect(m.unchanged).toBe(false);
  });
});

describe("gapDeltas", () => {
  it("subtracts the baseline gap from the scenario gap month by month", () => {
    // GB200: −100, −5054, 20 → 400, 0, 20: deltas 400 − (−100) = 500, 0 − (−5054) = 5054, 20 − 20 = 0.
    const [d] = gapDeltas([line("gb200", ["-100", "-5054", "20"])], [line("gb200", ["400", "0", "20"])], MONTHS);
    expect(d!.delta.map(String)).toEqual(["500", "5054", "0"]);
    expect(d!.changed).toBe(true);
    expect(d!.label).toBe("GB200");
  });

  it("takes a group on one side only as a gap of 0 on the other, and flags unchanged groups", () => {
    // H100 only in the baseline (gap 7 each month): the scenario has none, so 0 − 7 = −7. A100 equal on both.
    const base = [line("h100", ["7", "7", "7"]), line("a100", ["1", "2", "3"])];
    const scen = [line("a100", ["1", "2", "3"])];
    const d = gapDeltas(base, scen, MONTHS);
    expect(d.map((x) => x.key)).toEqual(["a100", "h100"]);
    expect(d[0]!.changed).toBe(false);
    expect(d[1]!.delta.map(String)).toEqual(["-7", "-7", "-7"]);
  });
});

describe("headroomDeltas", () => {
  it("gives the lowest headroom from → to and the months pushed over budget", () => {
    // Abilene: baseline 5, −12.6, −2 (lowest −12.6); scenario 1, −18.3, −2 (lowest −18.3): −18.3 − (−12.6) = −5.7.
    // Feb is over in both but worse in the scenario (pushed further over, not newly); Mar is over in both and equal
    // (not pushed); Jan stays within budget.
    const base = [
      site("abilene", [
        ["2027-01", "5"],
        ["2027-02", "-12.6"],
        ["2027-03", "-2"],
      ]),
    ];
    const scen = [
      site("abilene", [
        ["2027-01", "1"],
        ["2027-02", "-18.3"],
        ["2027-03", "-2"],
      ]),
    ];
    const [d] = headroomDeltas(base, scen);
    expect(d!.from!.toString()).toBe("-12.6");
    expect(d!.to!.toString()).toBe("-18.3");
    expect(d!.delta!.toString()).toBe("-5.7");
    expect(d!.pushedOver.map((p) => ym(p.from))).toEqual(["2027-02"]);
    expect(d!.newlyOver).toEqual([]);
  });

  it("lists months newly over budget, and none for a site the scenario relieves", () => {
    // Gävle: baseline 3, 1 → scenario −0.5, −4: both months newly over; lowest 1 → −4 = −5.
    // Oslo: baseline −3 → scenario −1 (relieved): over in both but not worse, so not pushed; delta +2.
    const base = [
      site("gavle", [
        ["2027-01", "3"],
        ["2027-02", "1"],
      ]),
      site("oslo", [["2027-01", "-3"]]),
    ];
    const scen = [
      site("gavle", [
        ["2027-01", "-0.5"],
        ["2027-02", "-4"],
      ]),
      site("oslo", [["2027-01", "-1"]]),
    ];
    const [g, o] = headroomDeltas(base, scen);
    expect(g!.newlyOver.map((p) => ym(p.from))).toEqual(["2027-01", "2027-02"]);
    expect(g!.pushedOver).toHaveLength(2);
    expect(g!.delta!.toString()).toBe("-5");
    expect(o!.pushedOver).toEqual([]);
    expect(o!.delta!.toString()).toBe("2");
  });

  it("counts every over-budget month of a site only the scenario has as newly over, with no baseline headroom", () => {
    const [d] = headroomDeltas(
      [],
      [
        site("new", [
          ["2027-01", "-1"],
          ["2027-02", "2"],
        ]),
      ],
    );
    expect(d!.from).toBeNull();
    expect(d!.delta).toBeNull();
    expect(d!.newlyOver.map((p) => ym(p.from))).toEqual(["2027-01"]);
  });
});

describe("monthRuns", () => {
  it("joins consecutive months, across a year end, and splits at a gap", () => {
    const runs = monthRuns(["2027-10", "2027-11", "2027-12", "2028-01", "2028-03"].map(month));
    expect(runs.map((r) => [ym(r.first), ym(r.last)])).toEqual([
      ["2027-10", "2028-01"],
      ["2028-03", "2028-03"],
    ]);
    expect(monthRuns([])).toEqual([]);
  });
});

describe("spendDeltas", () => {
  it("subtracts baseline spend per month and group, actual and planned together", () => {
    // Jan: CoreWeave actual 100 both sides; scenario adds Oracle planned 250.50 → delta +250.50 (Oracle only).
    // Feb: CoreWeave planned 300 → 200 (−100), Oracle 0 → 400.25 (+400.25): month delta 300.25.
    // Range: baseline 100 + 300 = 400; scenario 350.50 + 600.25 = 950.75; delta 550.75.
    // Groups by Σ |delta|: Oracle 250.50 + 400.25 = 650.75, CoreWeave 100.
    const base = [spendMonth("2027-01", { CoreWeave: ["100", "0"] }), spendMonth("2027-02", { CoreWeave: ["0", "300"] })];
    const scen = [
      spendMonth("2027-01", { CoreWeave: ["100", "0"], Oracle: ["0", "250.50"] }),
      spendMonth("2027-02", { CoreWeave: ["0", "200"], Oracle: ["0", "400.25"] }),
    ];
    const d = spendDeltas(base, scen);
    expect(d.months.map((m) => m.delta.toFixed(2))).toEqual(["250.50", "300.25"]);
    expect([...d.months[0]!.byGroup]).toEqual([["Oracle", dec("250.50")]]);
    expect(d.months[1]!.byGroup.get("CoreWeave")!.toString()).toBe("-100");
    expect(d.from.toFixed(2)).toBe("400.00");
    expect(d.to.toFixed(2)).toBe("950.75");
    expect(d.delta.toFixed(2)).toBe("550.75");
    expect(d.groups).toEqual(["Oracle", "CoreWeave"]);
  });

  it("has no groups and a zero delta when the scenario spends the same", () => {
    const base = [spendMonth("2027-01", { AWS: ["0", "10"] })];
    const d = spendDeltas(base, [spendMonth("2027-01", { AWS: ["0", "10"] })]);
    expect(d.groups).toEqual([]);
    expect(d.delta.isZero()).toBe(true);
  });
});
