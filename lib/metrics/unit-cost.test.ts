import { describe, expect, it } from "vitest";
import { effectiveRate, heldRate, unitCosts, type TypeUsage } from "./unit-cost";

describe("effectiveRate", () => {
  it("divides cost by used accelerator-hours, so idle hours raise the rate", () => {
    // 8 H100 × 720 h at $2.50 reserved = $14,400 for 5,760 AH held; 4,320 AH used (75 %).
    // $14,400 ÷ 4,320 = $3.333…, i.e. $2.50 ÷ 0.75.
    expect(effectiveRate("14400", "4320")!.toFixed(6)).toBe("3.333333");
    expect(heldRate("14400", "5760")!.toFixed(2)).toBe("2.50");
  });

  it("is unknown when nothing was used", () => {
    expect(effectiveRate("14400", "0")).toBeNull();
    expect(heldRate("14400", 0)).toBeNull();
  });

  it("keeps every cent of large sums", () => {
    // $123,456,789.01 ÷ 12,345,678.9 AH = $10.0000000…81
    expect(effectiveRate("123456789.01", "12345678.9")!.toFixed(10)).toBe("10.0000000008");
  });
});

describe("normalized rates", () => {
  // One useful accelerator-hour at `rate`: unitCosts then gives PRODUCT.md §3's normalizations of that effective rate.
  const perHour = (rate: string, type: Partial<TypeUsage>) =>
    unitCosts(rate, [{ usedAh: "1", bf16Tflops: "1000", h100Equivalent: "1", tokensPerSecond: null, ...type }]);

  it("gives $ per PFLOP-hour as the effective rate over peak BF16 PFLOPS", () => {
    // B200: 2,250 TFLOPS = 2.25 PFLOPS; $4.50 per useful AH ÷ 2.25 = $2.00 per PFLOP-h.
    expect(perHour("4.50", { bf16Tflops: "2250" }).perPflopHour!.toFixed(2)).toBe("2.00");
    // H100 SXM: 989.4 TFLOPS = 0.9894 PFLOPS; $2.9682 ÷ 0.9894 = $3.00.
    expect(perHour("2.9682", { bf16Tflops: "989.4" }).perPflopHour!.toFixed(4)).toBe("3.0000");
  });

  it("gives $ per 1M tokens from tokens per second per accelerator", () => {
    // 2,500 tokens/s × 3,600 s = 9,000,000 tokens per hour = 9 M; $3.60 ÷ 9 = $0.40 per 1M tokens.
    expect(perHour("3.60", { tokensPerSecond: "2500" }).perMillionTokens!.toFixed(2)).toBe("0.40");
    // 12,000 tokens/s = 43.2 M per hour; $6.48 ÷ 43.2 = $0.15.
    expect(perHour("6.48", { tokensPerSecond: 12000 }).perMillionTokens!.toFixed(2)).toBe("0.15");
    expect(perHour("3.60", { tokensPerSecond: "0" }).perMillionTokens).toBeNull();
  });

  it("gives $ per useful H100-equivalent hour as the effective rate over the type's factor", () => {
    // GB200 at factor 2.5: $6.00 ÷ 2.5 = $2.40 per H100e·h.
    expect(perHour("6.00", { h100Equivalent: "2.5" }).perH100eHour!.toFixed(2)).toBe("2.40");
  });
});

describe("unitCosts", () => {
  it("spreads one cost over the used hours of several types", () => {
    // $10,000 over H100 (1,000 AH used; 1,000 TFLOPS, factor 1, 3,000 tokens/s)
    //           and B200 (500 AH used; 2,250 TFLOPS, factor 2.5, 11,000 tokens/s).
    const u = unitCosts("10000", [
      { usedAh: "1000", bf16Tflops: "1000", h100Equivalent: "1", tokensPerSecond: "3000" },
      { usedAh: "500", bf16Tflops: "2250", h100Equivalent: "2.5", tokensPerSecond: "11000" },
    ]);
    // used AH 1,500 → $10,000 ÷ 1,500 = $6.6667
    expect(u.usedAh.toFixed(0)).toBe("1500");
    expect(u.effectiveRate!.toFixed(4)).toBe("6.6667");
    // H100e·h 1,000 × 1 + 500 × 2.5 = 2,250 → $4.4444
    expect(u.usedH100eHours.toFixed(0)).toBe("2250");
    expect(u.perH100eHour!.toFixed(4)).toBe("4.4444");
    // PFLOP-h 1,000 × 1 + 500 × 2.25 = 2,125 → $4.7059
    expect(u.usedPflopHours.toFixed(0)).toBe("2125");
    expect(u.perPflopHour!.toFixed(4)).toBe("4.7059");
    // tokens 1,000 × 3,000 × 3,600 = 10,800 M + 500 × 11,000 × 3,600 = 19,800 M → 30,600 M; $10,000 ÷ 30,600 = $0.3268
    expect(u.millionTokens!.toFixed(0)).toBe("30600");
    expect(u.perMillionTokens!.toFixed(4)).toBe("0.3268");
  });

  it("has no $ per 1M tokens when a used type has no tokens/s, and no rates without use", () => {
    const u = unitCosts("100", [{ usedAh: "10", bf16Tflops: "1000", h100Equivalent: "1", tokensPerSecond: null }]);
    expect(u.millionTokens).toBeNull();
    expect(u.perMillionTokens).toBeNull();
    expect(u.effectiveRate!.toFixed(0)).toBe("10");
    const idle = unitCosts("100", []);
    expect(idle.effectiveRate).toBeNull();
    expect(idle.perH100eHour).toBeNull();
  });
});
