import { describe, expect, it } from "vitest";
import { burndown, type ConsumedMonth } from "./burndown";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const month = (s: string, amount: string, source: ConsumedMonth["source"] = "planned"): ConsumedMonth => ({ month: d(s), amount, source });

// 2026 has 365 days; Jan 31 + Feb 28 + Mar 31 + 15 days of April = 105 days elapsed on 16 April.
const spring = [
  month("2026-01-01", "31000", "actual"),
  month("2026-02-01", "28000", "actual"),
  month("2026-03-01", "31000"),
  month("2026-04-01", "15000"),
];

describe("burndown", () => {
  it("projects a contract burning exactly its commitment to neither shortfall nor overrun", () => {
    const b = burndown({ committed: "365000", start: d("2026-01-01"), end: d("2027-01-01"), asOf: d("2026-04-16"), months: spring });
    expect(b.consumed.toString()).toBe("105000");
    expect(b.expected.toString()).toBe("105000");
    // run-rate window Feb 1 → Apr 16 = 74 days, 74,000 consumed: 1,000 a day; 260 days remain.
    expect(b.runRatePerDay?.toString()).toBe("1000");
    expect(b.projected?.toString()).toBe("365000");
    expect(b.shortfall?.toString()).toBe("0");
    expect(b.overrun?.toString()).toBe("0");
    expect(b.sources.sort()).toEqual(["actual", "planned"]);
  });

  it("reports a shortfall when the projection ends below the commitment", () => {
    const b = burndown({ committed: "400000", start: d("2026-01-01"), end: d("2027-01-01"), asOf: d("2026-04-16"), months: spring });
    expect(b.shortfall?.toString()).toBe("35000");
    expect(b.overrun?.toString()).toBe("0");
    expect(b.expected.toFixed(2)).toBe("115068.49"); // 400,000 × 105 ÷ 365
  });

  it("reports an overrun when the recent run-rate is above the commitment's pace", () => {
    const hot = [...spring.slice(0, 3), month("2026-04-01", "30000")];
    const b = burndown({ committed: "365000", start: d("2026-01-01"), end: d("2027-01-01"), asOf: d("2026-04-16"), months: hot });
    // window: 28,000 + 31,000 + 30,000 = 89,000 over 74 days; projected = 120,000 + 89,000 × 260 ÷ 74.
    expect(b.projected?.toFixed(4)).toBe("432702.7027");
    expect(b.overrun?.toFixed(4)).toBe("67702.7027");
    expect(b.shortfall?.toString()).toBe("0");
  });

  it("uses only the months before asOf and inside the term", () => {
    const months = [month("2025-12-01", "999"), ...spring, month("2026-05-01", "777")];
    const b = burndown({ committed: "365000", start: d("2026-01-01"), end: d("2027-01-01"), asOf: d("2026-04-16"), months });
    expect(b.consumed.toString()).toBe("105000");
  });

  it("draws cumulative consumption up to asOf and the projection from it, for a term starting mid-month", () => {
    const b = burndown({
      committed: "59000",
      start: d("2026-01-15"),
      end: d("2026-03-15"),
      asOf: d("2026-02-15"),
      months: [month("2026-01-01", "17000"), month("2026-02-01", "14000")],
    });
    expect(b.points.map((p) => p.at.toISOString().slice(0, 10))).toEqual([
      "2026-01-15",
      "2026-02-01",
      "2026-02-15",
      "2026-03-01",
      "2026-03-15",
    ]);
    expect(b.points.map((p) => p.consumed?.toString() ?? null)).toEqual(["0", "17000", "31000", null, null]);
    // 31,000 over the 31 days since the start: 1,000 a day.
    expect(b.points.map((p) => p.projected?.toString() ?? null)).toEqual([null, null, "31000", "45000", "59000"]);
    expect(b.points.map((p) => p.expected.toString())).toEqual(["0", "17000", "31000", "45000", "59000"]);
    expect(b.elapsed.toFixed(4)).toBe((31 / 59).toFixed(4));
  });

  it("has no projection before the term starts", () => {
    const b = burndown({ committed: "1000", start: d("2027-01-01"), end: d("2028-01-01"), asOf: d("2026-06-01"), months: [] });
    expect(b.consumed.toString()).toBe("0");
    expect(b.expected.toString()).toBe("0");
    expect(b.projected).toBeNull();
    expect(b.shortfall).toBeNull();
    expect(b.points[0]!.consumed?.toString()).toBe("0");
  });

  it("projects a finished term at what it consumed", () => {
    const b = burndown({
      committed: "100000",
      start: d("2026-01-01"),
      end: d("2026-03-01"),
      asOf: d("2026-11-01"),
      months: [month("2026-01-01", "40000", "actual"), month("2026-02-01", "35000", "actual")],
    });
    expect(b.consumed.toString()).toBe("75000");
    expect(b.projected?.toString()).toBe("75000");
    expect(b.shortfall?.toString()).toBe("25000");
    expect(b.elapsed.toString()).toBe("1");
    expect(b.sources).toEqual(["actual"]);
  });
});
