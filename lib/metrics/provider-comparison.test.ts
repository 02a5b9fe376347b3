import { describe, expect, it } from "vitest";
import { utcMonths } from "./calendar";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { billedKey } from "./monthly-spend";
import { compareProviders, type ComparisonBlock } from "./provider-comparison";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const jan = d("2026-01-01");
const feb = d("2026-02-01");
const months = utcMonths(jan, 2); // 744 h and 672 h

function block(id: string, providerId: string, extra: Partial<ComparisonBlock>): ComparisonBlock {
  return {
    id,
    providerId,
    providerName: providerId.toUpperCase(),
    family: "H100",
    acceleratorTypeId: "h100",
    bf16Tflops: "1000",
    h100eFactor: "1",
    quantity: 10,
    startAt: jan,
    endAt: d("2026-03-01"),
    pricingModel: "reserved",
    rate: "2",
    currency: "USD",
    ...extra,
  };
}

describe("compareProviders", () => {
  const { rows, providers } = compareProviders({
    months,
    blocks: [
      block("a1", "a", {}),
      block("a2", "a", {
        family: "MI300X",
        acceleratorTypeId: "mi300x",
        bf16Tflops: "1300",
        h100eFactor: "1.25",
        quantity: 2,
        rate: "1.5",
        endAt: feb,
      }),
      block("b1", "b", {
        family: "GB200",
        acceleratorTypeId: "gb200",
        bf16Tflops: "2500",
        h100eFactor: "2.5",
        quantity: 4,
        pricingModel: "on_demand",
        rate: "10",
      }),
    ],
    usedAh: monthlyUsage([
      ["a1", jan, "5952"], // 80 % of 10 × 744
      ["a1", feb, "3360"], // 50 % of 10 × 672
      ["a2", jan, "744"],
      ["b1", jan, "2000"],
      ["b1", feb, "1000"],
    ]),
    charges: [
      // A's January bill: 7,440 AH × $2 = $14,880 effective; list × 1.45 = $21,576; contracted × 1.12 = $16,665.60.
      { providerId: "a", family: "H100", month: jan, effective: "14880", list: "21576", contracted: "16665.60" },
      { providerId: "a", family: "MI300X", month: jan, effective: "2232", list: null, contracted: null },
    ],
    billed: new Set([billedKey("a", jan)]),
    tokensPerSecond: new Map([
      ["H100", "3000"],
      ["GB200", "12000"],
    ]),
    currency: "USD",
  });
  const row = (p: string, f: string) => rows.find((r) => r.providerId === p && r.family === f)!;

  it("costs billed months from billing and the others from the blocks, then divides by used hours", () => {
    const h100 = row("a", "H100");
    // cost = $14,880 (January, actual) + 6,720 AH × $2 = $13,440 (February, planned) = $28,320
    expect([h100.cost.toFixed(2), h100.actualMonths, h100.plannedMonths]).toEqual(["28320.00", 1, 1]);
    // capacity 7,440 + 6,720 = 14,160 AH; used 5,952 + 3,360 = 9,312 AH; utilization 9,312 ÷ 14,160 = 65.76 %
    expect([h100.capacityAh.toFixed(0), h100.usedAh.toFixed(0), h100.utilization!.toFixed(4)]).toEqual(["14160", "9312", "0.6576"]);
    // held: 28,320 ÷ 14,160 = $2.00; useful: 28,320 ÷ 9,312 = $3.0412 (= PFLOP-h at 1 PFLOPS = H100e·h at factor 1)
    expect(h100.heldRate!.toFixed(2)).toBe("2.00");
    expect(h100.registerRate!.toFixed(2)).toBe("2.00");
    expect([h100.units.effectiveRate!.toFixed(4), h100.units.perPflopHour!.toFixed(4), h100.units.perH100eHour!.toFixed(4)]).toEqual([
      "3.0412",
      "3.0412",
      "3.0412",
    ]);
    // tokens: 9,312 AH × 3,000 × 3,600 ÷ 10⁶ = 100,569.6 M; $28,320 ÷ 100,569.6 = $0.2816
    expect(h100.units.perMillionTokens!.toFixed(4)).toBe("0.2816");
  });

  it("reports list, contracted and effective per useful hour over the billed months only", () => {
    // January: 5,952 useful AH. list 21,576 ÷ 5,952 = $3.625; contracted 16,665.60 ÷ 5,952 = $2.80; effective 14,880 ÷ 5,952 = $2.50
    expect(row("a", "H100").billing).toMatchObject({ months: 1 });
    const b = row("a", "H100").billing!;
    expect([b.usedAh.toFixed(0), b.list!.toFixed(3), b.contracted!.toFixed(2), b.effective!.toFixed(2)]).toEqual([
      "5952",
      "3.625",
      "2.80",
      "2.50",
    ]);
    expect(row("a", "MI300X").billing!.list).toBeNull();
    expect(row("b", "GB200").billing).toBeNull();
  });

  it("plans on-demand blocks from used hours and normalizes by the type's factor and FLOPS", () => {
    const gb = row("b", "GB200");
    // (2,000 + 1,000) AH × $10 = $30,000; $10 per useful AH ÷ 2.5 = $4.00 per H100e·h and per PFLOP-h (2.5 PFLOPS)
    expect([
      gb.cost.toFixed(0),
      gb.units.effectiveRate!.toFixed(2),
      gb.units.perH100eHour!.toFixed(2),
      gb.units.perPflopHour!.toFixed(2),
    ]).toEqual(["30000", "10.00", "4.00", "4.00"]);
    // 12,000 tokens/s = 43.2 M per hour; 3,000 AH → 129,600 M; $30,000 ÷ 129,600 = $0.2315
    expect(gb.units.perMillionTokens!.toFixed(4)).toBe("0.2315");
    // held: 4 × 1,416 h = 5,664 AH; 30,000 ÷ 5,664 = $5.2966
    expect(gb.heldRate!.toFixed(4)).toBe("5.2966");
  });

  it("ranks providers by cost per useful H100-equivalent hour over all their families", () => {
    // A: $28,320 + $2,232 = $30,552 over 9,312 × 1 + 744 × 1.25 = 10,242 H100e·h → $2.9830;
    // B: $30,000 over 3,000 × 2.5 = 7,500 H100e·h → $4.00
    expect(
      providers.map((p) => [p.providerId, p.cost.toFixed(0), p.units.usedH100eHours.toFixed(0), p.units.perH100eHour!.toFixed(4)]),
    ).toEqual([
      ["a", "30552", "10242", "2.9830"],
      ["b", "30000", "7500", "4.0000"],
    ]);
    // MI300X has no tokens/s in the profile: no $ per 1M tokens for it, nor for A overall.
    expect(row("a", "MI300X").units.perMillionTokens).toBeNull();
    expect(providers[0]!.units.perMillionTokens).toBeNull();
    // Rows rank the same way: MI300X $2,232 ÷ 930 H100e·h = $2.40, H100 $3.04, GB200 $4.00.
    expect(rows.map((r) => r.family)).toEqual(["MI300X", "H100", "GB200"]);
  });
});
