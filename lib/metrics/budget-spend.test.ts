import { describe, expect, it } from "vitest";
import { contractPeriodSpend, showbackPeriodSpend } from "./budget-spend";
import { burndown, type ConsumedMonth } from "./burndown";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const month = (s: string, to: string) => ({ from: d(s), to: d(to) });

describe("showbackPeriodSpend", () => {
  it("counts billed and partly billed months as actual and unbilled ones as planned, within the period", () => {
    const months = [
      { month: month("2026-01-01", "2026-02-01"), source: "actual" as const, amount: "100.10" },
      { month: month("2026-02-01", "2026-03-01"), source: "mixed" as const, amount: "50.05" },
      { month: month("2026-03-01", "2026-04-01"), source: "planned" as const, amount: "30" },
      { month: month("2026-04-01", "2026-05-01"), source: "planned" as const, amount: "999" },
    ];
    // Q1: actual 100.10 + 50.05 = 150.15, planned 30 (April is outside)
    const s = showbackPeriodSpend(months, month("2026-01-01", "2026-04-01"));
    expect([s.actual.toFixed(2), s.planned.toFixed(2)]).toEqual(["150.15", "30.00"]);
  });
});

describe("contractPeriodSpend", () => {
  // A year's contract from 2026-01-01; one reserved block of 1 accelerator at 1/h over the term. January billed 1,000
  // of which 310 tied to no linked block (other: 310 ÷ 31 days = 10 a day); February planned to the 15th: 400.
  const months: ConsumedMonth[] = [
    { month: d("2026-01-01"), amount: "1000", source: "actual", other: "310" },
    { month: d("2026-02-01"), amount: "400", source: "planned" },
  ];
  const input = (asOf: Date) => ({
    committed: "12000",
    start: d("2026-01-01"),
    end: d("2027-01-01"),
    asOf,
    months,
    blocks: [{ quantity: 1, startAt: d("2026-01-01"), endAt: d("2027-01-01"), pricingModel: "reserved" as const, rate: "1" }],
  });

  it("takes the consumed months as actual and the projection's growth over the rest of the period as planned", () => {
    const b = burndown(input(d("2026-02-15")));
    // Q1: actual 1,000 + 400 = 1,400; from Feb 15 to Apr 1 = 45 days: scheduled 45 × 24 × 1 = 1,080 + other 45 × 10 = 450
    const q1 = contractPeriodSpend(b, months, month("2026-01-01", "2026-04-01"));
    expect([q1.actual.toFixed(), q1.planned.toFixed()]).toEqual(["1400", "1530"]);
    // Q2, all ahead: 91 days → 2,184 + 910 = 3,094
    const q2 = contractPeriodSpend(b, months, month("2026-04-01", "2026-07-01"));
    expect([q2.actual.toFixed(), q2.planned.toFixed()]).toEqual(["0", "3094"]);
    // 2027 lies after the term
    expect(contractPeriodSpend(b, months, month("2027-01-01", "2028-01-01")).planned.toFixed()).toBe("0");
  });

  it("projects nothing for an ended contract", () => {
    const b = burndown(input(d("2027-02-01")));
    const s = contractPeriodSpend(b, months, month("2026-01-01", "2027-01-01"));
    expect([s.actual.toFixed(), s.planned.toFixed()]).toEqual(["1400", "0"]);
  });
});
