import { describe, expect, it } from "vitest";
import { comparableListModel, compareToMarket, marketComparison, marketOf } from "./market-rate";

const s = (v: { toString(): string }) => v.toString();

describe("marketComparison", () => {
  it("sets a rate against the lowest and median list price, by hand", () => {
    // List prices 1.50, 2.00, 3.00, 6.88 → lowest 1.50, median (2.00 + 3.00) ÷ 2 = 2.50.
    // A 1,024-accelerator block at 2.10: two prices below (1.50, 2.00), none equal → 2 ÷ 4 = 50th percentile;
    // (2.10 − 2.50) × 1,024 × 8,760 = −0.40 × 8,970,240 = −3,588,096 a year (below the market).
    const m = marketComparison("2.1", 1024, ["3", "1.5", "6.88", "2"])!;
    expect([m.count, s(m.lowest), s(m.median), s(m.percentile), s(m.abovePerYear)]).toEqual([4, "1.5", "2.5", "50", "-3588096"]);
  });

  it("counts a tie as half below", () => {
    // 2.00 among 1.50, 2.00, 3.00: (1 + ½) ÷ 3 = 50th percentile; median 2.00 → 0 above.
    const m = marketComparison("2", 8, ["1.5", "2", "3"])!;
    expect([s(m.percentile), s(m.abovePerYear)]).toEqual(["50", "0"]);
  });

  it("puts a rate above every list price at the 100th percentile and prices the gap exactly", () => {
    // 8 × (11.061250 − 10) × 8,760 = 8 × 1.06125 × 8,760 = 74,372.4
    const m = marketComparison("11.06125", 8, ["10"])!;
    expect([s(m.percentile), s(m.abovePerYear)]).toEqual(["100", "74372.4"]);
  });

  it("sets many rates against one sorted market, ties and ends included", () => {
    // Sorted 1, 2, 2, 3: median (2 + 2) ÷ 2 = 2. Rate 2: one below, two equal → (1 + 1) ÷ 4 = 50; rate 0.5 → 0; rate 3 → (3 + ½) ÷ 4 = 87.5.
    const market = marketOf(["3", "2", "1", "2"])!;
    expect(["2", "0.5", "3"].map((r) => s(compareToMarket(market, r, 1).percentile))).toEqual(["50", "0", "87.5"]);
    expect(s(compareToMarket(market, "0.5", 1).lowest)).toBe("1");
  });

  it("has no market without list prices", () => {
    expect(marketComparison("2", 8, [])).toBeNull();
  });
});

describe("comparableListModel", () => {
  it("compares spot with spot, and reserved or on-demand with on-demand and committed-use list prices", () => {
    expect(comparableListModel("spot", "spot")).toBe(true);
    expect(comparableListModel("spot", "on_demand")).toBe(false);
    expect(comparableListModel("reserved", "on_demand")).toBe(true);
    expect(comparableListModel("reserved", "reserved")).toBe(true);
    expect(comparableListModel("on_demand", "spot")).toBe(false);
    expect(comparableListModel("reserved", "owned")).toBe(false);
  });
});
