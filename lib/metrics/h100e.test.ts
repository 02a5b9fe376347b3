import { describe, expect, it } from "vitest";
import { h100Equivalents, nameplateH100e, planH100e } from "./h100e";

describe("H100-equivalents", () => {
  it("scales accelerators by their type's factor", () => {
    // 1,024 × 2.25 = 2,304 H100e
    expect(h100Equivalents(1024, "2.25").toString()).toBe("2304");
  });

  it("sizes a demand plan by its H100e, else accelerators × factor, else accelerators", () => {
    expect(planH100e({ h100Equivalents: "300", accelerators: 999, factor: "2" }).toString()).toBe("300");
    // 256 × 1.5 = 384
    expect(planH100e({ h100Equivalents: null, accelerators: 256, factor: "1.5" }).toString()).toBe("384");
    expect(planH100e({ h100Equivalents: null, accelerators: 100, factor: null }).toString()).toBe("100");
  });

  it("defaults a type's factor to its BF16 dense TFLOPS over the H100 SXM's", () => {
    expect(nameplateH100e("989.4").toFixed(4)).toBe("1.0000");
    // 2,250 ÷ 989.4 = 2.27410552… → 2.2741
    expect(nameplateH100e("2250").toFixed(4)).toBe("2.2741");
    // 459 ÷ 989.4 = 0.46391752… → 0.4639
    expect(nameplateH100e(459).toFixed(4)).toBe("0.4639");
    // 1,300 ÷ 989.4 = 1.31392763… → 1.3139
    expect(nameplateH100e("1300").toFixed(4)).toBe("1.3139");
  });
});
