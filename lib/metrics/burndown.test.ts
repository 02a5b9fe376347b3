import { describe, expect, it } from "vitest";
import { burndown, burndownInCents, type ConsumedMonth, type ScheduledBlock } from "./burndown";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const month = (s: string, amount: string, source: ConsumedMonth["source"] = "planned", other?: string): ConsumedMonth => ({
  month: d(s),
  amount,
  source,
  other,
});
/** An actual month whose charges are all tied to no linked reservation. */
const untied = (s: string, amount: string) => month(s, amount, "actual", amount);
const block = (quantity: number, rate: string, from: string, to: string, pricingModel: ScheduledBlock["pricingModel"] = "reserved") => ({
  quantity,
  rate,
  startAt: d(from),
  endAt: d(to),
  pricingModel,
});
const year2026 = { start: d("2026-01-01"), end: d("2027-01-01"), asOf: d("2026-04-16") };

// 2026 has 365 days; Jan 31 + Feb 28 + Mar 31 + 15 days of April = 105 days elapsed on 16 April, 260 left.
// The run-rate window is Feb 1 → Apr 16: 28 + 31 + 15 = 74 days.
const spring = [untied("2026-01-01", "31000"), untied("2026-02-01", "28000"), untied("2026-03-01", "31000"), untied("2026-04-01", "15000")];

describe("burndown: no linked blocks (pure run-rate, as before)", () => {
  it("projects a contract burning exactly its commitment to neither shortfall nor overrun", () => {
    const b = burndown({ committed: "365000", ...year2026, months: spring });
    expect(b.consumed.toString()).toBe("105000");
    expect(b.expected.toString()).toBe("105000");
    // window: 74,000 over 74 days = 1,000 a day; × 260 days left = 260,000; 105,000 + 0 + 260,000 = 365,000.
    expect(b.scheduled.toString()).toBe("0");
    expect(b.otherRatePerDay?.toString()).toBe("1000");
    expect(b.daysLeft.toString()).toBe("260");
    expect(b.other.toString()).toBe("260000");
    expect(b.projected?.toString()).toBe("365000");
    expect(b.shortfall.toString()).toBe("0");
    expect(b.overrun.toString()).toBe("0");
    expect(b.ended).toBe(false);
    expect(b.sources).toEqual(["actual"]);
  });

  it("reports a shortfall when the projection ends below the commitment", () => {
    const b = burndown({ committed: "400000", ...year2026, months: spring });
    expect(b.shortfall.toString()).toBe("35000"); // 400,000 − 365,000
    expect(b.overrun.toString()).toBe("0");
    expect(b.expected.toFixed(2)).toBe("115068.49"); // 400,000 × 105 ÷ 365
  });

  it("reports an overrun when the recent run-rate is above the commitment's pace", () => {
    const hot = [...spring.slice(0, 3), untied("2026-04-01", "30000")];
    const b = burndown({ committed: "365000", ...year2026, months: hot });
    // window: 28,000 + 31,000 + 30,000 = 89,000 over 74 days; projected = 120,000 + 89,000 × 260 ÷ 74.
    expect(b.projected?.toFixed(4)).toBe("432702.7027");
    expect(b.overrun.toFixed(4)).toBe("67702.7027");
    expect(b.shortfall.toString()).toBe("0");
  });

  it("counts only the window's billed months in the run-rate: a month without billing does not dilute it", () => {
    const months = [...spring.slice(0, 3), month("2026-04-01", "15000")];
    const b = burndown({ committed: "365000", ...year2026, months });
    // billed window months: Feb (28 days, 28,000) + Mar (31 days, 31,000) = 59,000 ÷ 59 days = 1,000 a day.
    expect(b.otherRatePerDay?.toString()).toBe("1000");
    expect(b.projected?.toString()).toBe("365000");
  });

  it("uses only the months before asOf and inside the term", () => {
    const months = [untied("2025-12-01", "999"), ...spring, untied("2026-05-01", "777")];
    const b = burndown({ committed: "365000", ...year2026, months });
    expect(b.consumed.toString()).toBe("105000");
  });
});

describe("burndown: scheduled blocks", () => {
  it("adds the blocks already booked for the rest of the term: they exceed the commitment, so no shortfall", () => {
    // Block A: 100 × $2/h all year = $4,800 a day, billed so far and tied to A (no other charges):
    // Jan 31 × 4,800 = 148,800; Feb 28 × 4,800 = 134,400; Mar 148,800; Apr 1–15 = 72,000. Consumed = 504,000.
    const months = [
      month("2026-01-01", "148800", "actual", "0"),
      month("2026-02-01", "134400", "actual", "0"),
      month("2026-03-01", "148800", "actual", "0"),
      month("2026-04-01", "72000", "actual", "0"),
    ];
    const blocks = [
      block(100, "2", "2026-01-01", "2027-01-01"), // rest of term: 260 days × 4,800 = 1,248,000
      block(100, "2", "2026-07-01", "2027-01-01"), // booked, not started: 184 days × 4,800 = 883,200
      block(10, "1", "2026-12-01", "2027-01-01", "spot"), // forecast to use every hour: 31 × 24 × 10 × $1 = 7,440
    ];
    const b = burndown({ committed: "2500000", ...year2026, months, blocks });
    expect(b.consumed.toString()).toBe("504000");
    expect(b.scheduled.toString()).toBe("2138640"); // 1,248,000 + 883,200 + 7,440
    expect(b.otherRatePerDay?.toString()).toBe("0");
    expect(b.other.toString()).toBe("0");
    // 504,000 + 2,138,640 + 0 = 2,642,640: 142,640 over the 2,500,000 commitment, no shortfall.
    // (A run-rate of the last three months alone would say 504,000 + 4,800 × 260 = 1,752,000: a 748,000 shortfall.)
    expect(b.projected?.toString()).toBe("2642640");
    expect(b.shortfall.toString()).toBe("0");
    expect(b.overrun.toString()).toBe("142640");
    // On 1 July: 504,000 + A from Apr 16 (76 days × 4,800 = 364,800) = 868,800.
    expect(b.points.find((p) => p.at.getTime() === d("2026-07-01").getTime())?.projected?.toString()).toBe("868800");
  });

  it("other charges only: a linked block that has ended adds nothing, the untied charges' run-rate carries on", () => {
    // Jan–Mar: 1,000 a day tied to the block (ended 1 April) + 500 a day of storage and egress tied to none.
    const months = [
      month("2026-01-01", "46500", "actual", "15500"),
      month("2026-02-01", "42000", "actual", "14000"),
      month("2026-03-01", "46500", "actual", "15500"),
      month("2026-04-01", "7500", "actual", "7500"),
    ];
    const b = burndown({ committed: "300000", ...year2026, months, blocks: [block(10, "4", "2026-01-01", "2026-04-01")] });
    expect(b.consumed.toString()).toBe("142500");
    expect(b.scheduled.toString()).toBe("0");
    // other in the window: 14,000 + 15,500 + 7,500 = 37,000 ÷ 74 days = 500 a day; × 260 = 130,000.
    expect(b.otherRatePerDay?.toString()).toBe("500");
    expect(b.other.toString()).toBe("130000");
    expect(b.projected?.toString()).toBe("272500"); // 142,500 + 0 + 130,000
    expect(b.shortfall.toString()).toBe("27500");
    expect(b.overrun.toString()).toBe("0");
  });

  it("draws cumulative consumption up to asOf and the projection from it, for a term starting mid-month", () => {
    const b = burndown({
      committed: "59000",
      start: d("2026-01-15"),
      end: d("2026-03-15"),
      asOf: d("2026-02-15"),
      months: [untied("2026-01-01", "17000"), untied("2026-02-01", "14000")],
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

  it("projects a contract not yet started at its scheduled blocks", () => {
    // 1 × $0.10/h over 2027 (8,760 h) = 876 scheduled; no charges yet, so no run-rate.
    const b = burndown({
      committed: "1000",
      start: d("2027-01-01"),
      end: d("2028-01-01"),
      asOf: d("2026-06-01"),
      months: [],
      blocks: [block(1, "0.1", "2027-01-01", "2028-01-01")],
    });
    expect(b.consumed.toString()).toBe("0");
    expect(b.expected.toString()).toBe("0");
    expect(b.otherRatePerDay).toBeNull();
    expect(b.projected?.toString()).toBe("876");
    expect(b.shortfall.toString()).toBe("124");
    expect(b.points[0]!.consumed?.toString()).toBe("0");
  });
});

describe("burndown: an ended contract", () => {
  it("has no projection: its final consumed against committed", () => {
    const b = burndown({
      committed: "100000",
      start: d("2026-01-01"),
      end: d("2026-03-01"),
      asOf: d("2026-11-01"),
      months: [month("2026-01-01", "40000", "actual", "40000"), month("2026-02-01", "35000", "actual", "35000")],
      blocks: [block(10, "2", "2026-01-01", "2026-03-01")],
    });
    expect(b.ended).toBe(true);
    expect(b.consumed.toString()).toBe("75000");
    expect(b.projected).toBeNull();
    expect(b.otherRatePerDay).toBeNull();
    expect(b.scheduled.toString()).toBe("0");
    expect(b.other.toString()).toBe("0");
    expect(b.atEnd.toString()).toBe("75000");
    expect(b.shortfall.toString()).toBe("25000"); // 100,000 − 75,000 owed at true-up
    expect(b.elapsed.toString()).toBe("1");
    expect(b.points.every((p) => p.projected === null)).toBe(true);
    expect(b.sources).toEqual(["actual"]);
  });
});

describe("burndownInCents", () => {
  it("rounds each part to the cent and sums the rounded parts, so the written identities hold", () => {
    // consumed 100.005 → 100.01; scheduled: 1 × $0.003/h × 24 h = 0.072 → 0.07; other 0; projected 100.08;
    // committed 100.10 − 100.08 = 0.02 short (unrounded: 100.10 − 100.077 = 0.023).
    const b = burndown({
      committed: "100.10",
      start: d("2026-01-01"),
      end: d("2026-01-03"),
      asOf: d("2026-01-02"),
      months: [month("2026-01-01", "100.005")],
      blocks: [block(1, "0.003", "2026-01-01", "2026-01-03")],
    });
    const c = burndownInCents(b);
    expect([c.consumed, c.scheduled, c.other, c.projected, c.shortfall, c.overrun].map((v) => v.toFixed(2))).toEqual([
      "100.01",
      "0.07",
      "0.00",
      "100.08",
      "0.02",
      "0.00",
    ]);
  });
});
