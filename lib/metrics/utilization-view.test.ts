import { describe, expect, it } from "vitest";
import { utcDays, utcMonths } from "./calendar";
import { dec } from "./decimal";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { summarizeUtilization, type UsageBlock } from "./utilization-view";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

function block(id: string, extra: Partial<UsageBlock>): UsageBlock {
  return {
    id,
    name: id,
    providerName: "Azure",
    siteName: "Quincy",
    family: "H100",
    quantity: 10,
    startAt: d("2026-01-01"),
    endAt: d("2027-01-01"),
    pricingModel: "reserved",
    rate: "2",
    currency: "USD",
    ...extra,
  };
}

describe("summarizeUtilization", () => {
  const months = utcMonths(d("2026-01-01"), 3); // Jan 744 h, Feb 672 h, Mar (measured to 16 Mar: 360 h)
  const result = summarizeUtilization({
    buckets: months,
    blocks: [
      block("a", {}),
      block("b", {
        family: "GB200",
        providerName: "OCI",
        siteName: "Abilene",
        quantity: 4,
        startAt: d("2026-02-15"),
        pricingModel: "on_demand",
        rate: "10",
      }),
      block("c", { quantity: 2, rate: "5", currency: "EUR" }),
    ],
    usedAh: monthlyUsage([
      ["a", d("2026-01-01"), "5952"], // 80 % of 7,440
      ["a", d("2026-02-01"), "6720"], // 100 % of 6,720
      ["a", d("2026-03-01"), "1800"], // 50 % of 3,600
      ["b", d("2026-02-01"), "672"], // 4 × 14 days × 24 h = 1,344 → 50 %
      ["c", d("2026-01-01"), "744"],
    ]),
    measuredTo: d("2026-03-16"),
    by: "family",
    currency: "USD",
  });

  it("counts capacity only over measured hours and prices idle reserved hours", () => {
    const [jan, feb, mar] = result.buckets;
    // January: a 7,440 + c 2 × 744 = 1,488 → 8,928 AH; used 5,952 + 744 = 6,696; idle 1,488 + 744 = 2,232 AH
    expect([jan!.total.capacityAh.toFixed(0), jan!.total.usedAh.toFixed(0), jan!.total.idleAh.toFixed(0)]).toEqual([
      "8928",
      "6696",
      "2232",
    ]);
    // idle cost: a 1,488 × $2 = $2,976; c is in EUR and left out of USD money
    expect(jan!.total.idleCost.toFixed(2)).toBe("2976.00");
    // February: b is on demand, its 672 idle AH cost nothing; a fully used
    expect(feb!.groups.get("GB200")!.utilization!.toFixed(2)).toBe("0.50");
    expect(feb!.total.idleCost.toFixed(2)).toBe("0.00");
    // March, measured to the 16th: a 10 × 360 = 3,600 AH, 1,800 used → idle 1,800 × $2 = $3,600
    expect([mar!.groups.get("H100")!.capacityAh.toFixed(0), mar!.groups.get("H100")!.idleCost.toFixed(2)]).toEqual(["4320", "3600.00"]);
  });

  it("ranks blocks by idle cost over the period", () => {
    // a: capacity 7,440 + 6,720 + 3,600 = 17,760, used 14,472 → idle 3,288 × $2 = $6,576
    expect(result.blocks.map((b) => [b.block.id, b.idleAh.toFixed(0), b.idleCost.toFixed(2)])).toEqual([
      ["a", "3288", "6576.00"],
      // c: 2 × (744 + 672 + 360) = 3,552 AH, 744 used → 2,808 idle, no USD cost
      ["c", "2808", "0.00"],
      // b: 4 × (336 + 360) = 2,784 AH, 672 used → 2,112 idle, on demand
      ["b", "2112", "0.00"],
    ]);
    // Jan $2,976 + Feb $0 + Mar $3,600 = $6,576, the same as block a alone (the only reserved USD block)
    expect(result.total.idleCost.toFixed(2)).toBe("6576.00");
  });

  it("turns only the first blockLimit of the ranking into rows, and still counts every block", () => {
    const input = {
      buckets: months,
      blocks: [
        block("a", {}),
        block("b", { quantity: 4, rate: "3" }),
        block("z", { quantity: 1, startAt: d("2027-01-01"), endAt: d("2027-02-01") }),
      ],
      // a row of 0 AH: measured, and idle all the time
      usedAh: monthlyUsage([
        ["a", d("2026-01-01"), "0"],
        ["b", d("2026-03-01"), "0"],
      ]),
      measuredTo: d("2026-03-16"),
      by: "family" as const,
      currency: "USD",
    };
    const all = summarizeUtilization(input);
    const top = summarizeUtilization({ ...input, blockLimit: 1 });
    // a: 10 × 1,776 h idle × $2 = $35,520; b: 4 × 1,776 × $3 = $21,312; z has no capacity in the range and is not counted
    expect(all.blocks.map((b) => [b.block.id, b.idleCost.toFixed(2)])).toEqual([
      ["a", "35520.00"],
      ["b", "21312.00"],
    ]);
    expect(top.blocks.map((b) => [b.block.id, b.idleCost.toFixed(2)])).toEqual([["a", "35520.00"]]);
    expect([all.blockCount, top.blockCount]).toEqual([2, 2]);
    expect(top.total.idleCost.toFixed(2)).toBe("56832.00");
  });

  it("works on days as well", () => {
    const days = utcDays({ from: d("2026-03-14"), to: d("2026-03-17") });
    const r = summarizeUtilization({
      buckets: days,
      blocks: [block("a", {})],
      usedAh: monthlyUsage([["a", d("2026-03-14"), "120"]]),
      measuredTo: d("2026-03-16T12:00:00Z"),
      by: "site",
      currency: "USD",
    });
    // 14th: 240 AH, 120 used; 15th: 240, none used; 16th: half measured, 120 AH
    expect(r.buckets.map((b) => [b.total.capacityAh.toFixed(0), b.total.utilization?.toFixed(2) ?? null])).toEqual([
      ["240", "0.50"],
      ["240", "0.00"],
      ["120", "0.00"],
    ]);
    expect(r.buckets[0]!.groups.has("Quincy")).toBe(true);
  });

  it("sums part hours and mixed decimal places exactly, rounding each figure once", () => {
    const days = utcDays({ from: d("2026-03-14"), to: d("2026-03-16") });
    const r = summarizeUtilization({
      buckets: days,
      blocks: [
        block("a", { quantity: 3, startAt: d("2026-03-14T00:30:00Z"), rate: "1.5" }),
        block("b", { quantity: 1, startAt: d("2026-03-15T23:40:00Z"), pricingModel: "on_demand" }),
      ],
      usedAh: monthlyUsage([
        ["a", d("2026-03-14"), "20.25"],
        ["a", d("2026-03-15"), "0.0001"],
        ["b", d("2026-03-15"), "0"],
      ]),
      measuredTo: d("2026-03-16"),
      by: "family",
      currency: "USD",
    });
    const [d14, d15] = r.buckets;
    // 14th: a 3 × 23.5 h = 70.5 AH, 20.25 used → 50.25 idle × $1.5 = $75.375
    expect([d14!.total.capacityAh.toString(), d14!.total.idleAh.toString(), d14!.total.idleCost.toString()]).toEqual([
      "70.5",
      "50.25",
      "75.375",
    ]);
    // 15th: a 72 AH, 0.0001 used → 71.9999 idle × $1.5 = $107.99985; b 20 minutes = 1/3 AH on demand
    // capacity 72 + 1/3 = 217/3, one rounding; idle 71.9999 + 1/3
    expect(d15!.total.capacityAh.toString()).toBe(dec(217).div(3).toString());
    expect(d15!.total.idleCost.toString()).toBe("107.99985");
    // Block a over both days: 142.5 AH, 20.2501 used, 122.2499 idle, $183.37485 = 122.2499 × 1.5
    const a = r.blocks.find((b) => b.block.id === "a")!;
    expect([a.capacityAh.toString(), a.usedAh.toString(), a.idleAh.toString(), a.idleCost.toString()]).toEqual([
      "142.5",
      "20.2501",
      "122.2499",
      "183.37485",
    ]);
    // All: 142.5 + 1/3 = 4285/30 AH, $75.375 + $107.99985 = $183.37485
    expect(r.total.capacityAh.toString()).toBe(dec(4285).div(30).toString());
    expect(r.total.idleCost.toString()).toBe("183.37485");
  });

  it("leaves a block with no utilization row in the period out of capacity and use, and names it", () => {
    // 30 days [14 Feb, 16 Mar) by day, measured to 16 Mar. a (10 × H100, $2) reports on 1 Mar only: 120 AH.
    // b (4 × GB200, $10) reports 0 AH on 20 Feb: measured, fully idle. u (100 × H100) reports nothing: unmeasured.
    // q (1 accelerator) ends before the window: not in service, neither measured nor unmeasured.
    const days = utcDays({ from: d("2026-02-14"), to: d("2026-03-16") });
    const r = summarizeUtilization({
      buckets: days,
      blocks: [
        block("a", {}),
        block("b", { family: "GB200", quantity: 4, rate: "10" }),
        block("u", { quantity: 100 }),
        block("q", { quantity: 1, startAt: d("2025-01-01"), endAt: d("2026-01-01") }),
      ],
      usedAh: monthlyUsage([
        ["a", d("2026-03-01"), "120"],
        ["b", d("2026-02-20"), "0"],
      ]),
      measuredTo: d("2026-03-16"),
      by: "family",
      currency: "USD",
    });
    // a: every hour of the window, not just the reported day: 10 × 720 h = 7,200 AH; b: 4 × 720 = 2,880 AH.
    // used 120 ÷ 10,080 = 0.0119047…; u's 100 × 720 = 72,000 AH are in no figure.
    expect([r.total.capacityAh.toString(), r.total.usedAh.toString()]).toEqual(["10080", "120"]);
    expect(r.total.utilization!.toFixed(6)).toBe("0.011905");
    expect(r.unmeasured.map((b) => b.id)).toEqual(["u"]);
    expect(r.blocks.map((b) => b.block.id).sort()).toEqual(["a", "b"]);
    expect(r.blockCount).toBe(2);
    // Per group over the period: H100 120 ÷ 7,200, idle (7,200 − 120) × $2 = $14,160; GB200 2,880 × $10 = $28,800 idle
    expect([...r.groups].map(([g, u]) => [g, u.capacityAh.toString(), u.usedAh.toString(), u.idleCost.toString()])).toEqual([
      ["H100", "7200", "120", "14160"],
      ["GB200", "2880", "0", "28800"],
    ]);
    // A day without a row still counts the measured blocks' capacity: 15 Feb = (10 + 4) × 24 = 336 AH, 0 used
    expect([r.buckets[1]!.total.capacityAh.toString(), r.buckets[1]!.total.utilization!.toString()]).toEqual(["336", "0"]);
    // 1 Mar: 120 ÷ 336
    expect(r.buckets[15]!.total.usedAh.toString()).toBe("120");
    expect(r.total.idleCost.toString()).toBe("42960");
  });
});
