import { describe, expect, it } from "vitest";
import { utcMonths } from "./calendar";
import { addSeries, flatBaseline, observedRate, plannedDemand } from "./demand";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const marApr = utcMonths(d("2026-03-01"), 2);

describe("demand", () => {
  it("turns observed H100e·h into an average H100e in use", () => {
    // Dec + Jan + Feb = 744 + 744 + 672 = 2,160 h; 432,000 H100e·h ÷ 2,160 h = 200 H100e
    expect(observedRate("432000", "2160").toString()).toBe("200");
    expect(observedRate("5", "0").toString()).toBe("0");
  });

  it("holds the rate flat across months of different lengths", () => {
    // 200 × 744 h = 148,800; 200 × 720 h = 144,000
    expect(flatBaseline("200", marApr).map(String)).toEqual(["148800", "144000"]);
  });

  it("spreads a plan over the months it overlaps", () => {
    // 100 H100e over [16 Mar, 16 Apr): March 16 days × 24 = 384 h → 38,400; April 15 days = 360 h → 36,000
    const plans = [{ h100e: "100", startAt: d("2026-03-16"), endAt: d("2026-04-16") }];
    expect(plannedDemand(plans, marApr).map(String)).toEqual(["38400", "36000"]);
  });

  it("adds series month by month", () => {
    expect(addSeries(["1", "2"], ["10", "20"]).map(String)).toEqual(["11", "22"]);
  });
});
