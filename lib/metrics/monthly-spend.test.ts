import { describe, expect, it } from "vitest";
import { utcMonths } from "./calendar";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { billedKey, monthlySpend, spendByMonth, usageByBlock, type SpendBlock } from "./monthly-spend";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const months = utcMonths(d("2026-01-01"), 2); // January (744 h), February (672 h)

function block(id: string, providerId: string, extra: Partial<SpendBlock>): SpendBlock {
  return {
    id,
    providerId,
    providerName: providerId.toUpperCase(),
    family: "H100",
    quantity: 8,
    startAt: d("2026-01-01"),
    endAt: d("2026-03-01"),
    pricingModel: "reserved",
    rate: "2",
    currency: "USD",
    ...extra,
  };
}

describe("monthlySpend", () => {
  const blocks = [
    block("a1", "a", {}),
    block("b1", "b", { family: "GB200", quantity: 4, pricingModel: "on_demand", rate: "3" }),
    block("b2", "b", { family: "GB200", quantity: 2, rate: "1.5", startAt: d("2026-02-15") }),
    block("b3", "b", { currency: "EUR", rate: "100" }),
  ];
  const cells = monthlySpend({
    months,
    blocks,
    usedAh: monthlyUsage([["b1", d("2026-01-01"), "1000"]]),
    actual: [
      { providerId: "a", providerName: "A", family: "H100", month: d("2026-01-01"), amount: "1000.10" },
      { providerId: "a", providerName: "A", family: null, month: d("2026-01-01"), amount: "50" },
    ],
    billed: new Set([billedKey("a", d("2026-01-01"))]),
    usageThrough: d("2026-02-01"),
    currency: "USD",
  });
  const find = (month: string, provider: string, source: string) =>
    cells.filter((c) => c.month.from.getTime() === d(month).getTime() && c.providerId === provider && c.source === source);

  it("takes billed provider-months from billing and never adds the planned cost to them", () => {
    // A is billed in January: $1,000.10 H100 + $50 other charges; the block's 8 × 744 × $2 = $11,904 is not added.
    expect(find("2026-01-01", "a", "actual").map((c) => [c.family, c.amount.toFixed(2)])).toEqual([
      ["H100", "1000.10"],
      [null, "50.00"],
    ]);
    expect(find("2026-01-01", "a", "planned")).toEqual([]);
    // February is not billed: 8 × 672 h × $2 = $10,752 planned.
    expect(find("2026-02-01", "a", "planned").map((c) => c.amount.toFixed(2))).toEqual(["10752.00"]);
  });

  it("plans on-demand blocks from used hours, then in full once usage is unknown, and counts partial months", () => {
    // January: 1,000 AH used × $3 = $3,000. February (from usageThrough on): 4 × 672 h × $3 = $8,064,
    // plus b2 from 15 Feb: 2 × 14 days × 24 h = 672 AH × $1.50 = $1,008 → $9,072 for GB200.
    expect(find("2026-01-01", "b", "planned").map((c) => c.amount.toFixed(2))).toEqual(["3000.00"]);
    expect(find("2026-02-01", "b", "planned").map((c) => [c.family, c.amount.toFixed(2)])).toEqual([["GB200", "9072.00"]]);
  });

  it("leaves out blocks in another currency and sums by month and group", () => {
    expect(cells.some((c) => c.amount.greaterThan(20000))).toBe(false);
    const byFamily = spendByMonth(months, cells, "family");
    // January: actual 1,000.10 + 50 = 1,050.10; planned 3,000.
    expect([byFamily[0]!.actual.toFixed(2), byFamily[0]!.planned.toFixed(2), byFamily[0]!.total.toFixed(2)]).toEqual([
      "1050.10",
      "3000.00",
      "4050.10",
    ]);
    expect(byFamily[0]!.byGroup.get("Other charges")!.actual.toFixed(2)).toBe("50.00");
    // February: 10,752 + 9,072 = 19,824, all planned.
    expect(byFamily[1]!.planned.toFixed(2)).toBe("19824.00");
    const byProvider = spendByMonth(months, cells, "provider");
    expect(byProvider[1]!.byGroup.get("B")!.planned.toFixed(2)).toBe("9072.00");
  });
});

describe("monthlySpend off the hour", () => {
  it("counts a block starting at half past exactly", () => {
    // From 27 Feb 12:30 to 1 March: 11.5 h + 24 h = 35.5 h × 2 accelerators = 71 AH × $2.25 = $159.75.
    const cells = monthlySpend({
      months,
      blocks: [block("h1", "h", { quantity: 2, rate: "2.25", startAt: new Date("2026-02-27T12:30:00Z") })],
      usedAh: monthlyUsage([]),
      actual: [],
      billed: new Set(),
      usageThrough: d("2026-01-01"),
      currency: "USD",
    });
    expect(cells.map((c) => [c.month.from.toISOString().slice(0, 7), c.amount.toString()])).toEqual([["2026-02", "159.75"]]);
  });
});

describe("usageByBlock", () => {
  it("puts each block's used hours at its month's index, at one scale, and leaves other months out", () => {
    const usage = monthlyUsage([
      ["a", d("2026-01-01"), "12.5000"],
      ["a", d("2026-02-01"), "3"],
      ["a", d("2025-12-01"), "99"], // not one of the months
      ["b", d("2026-02-01"), "0.25"],
    ]);
    // scale 4 (the digits of "12.5000"): 12.5 → 125,000; 3 → 30,000; 0.25 → 2,500. Block c has no rows.
    const { scale, used } = usageByBlock(usage, [{ id: "a" }, { id: "c" }, { id: "b" }], months);
    expect(scale).toBe(4);
    expect(used.map((u) => u?.map(Number))).toEqual([[125_000, 30_000], undefined, [0, 2_500]]);
  });
});
