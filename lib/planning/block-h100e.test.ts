import { describe, expect, it } from "vitest";
import { averageUnitsByMonth } from "@/lib/metrics/capacity-demand";
import { toScaledCached } from "@/lib/metrics/exact";
import { blockH100e } from "./block-h100e";
import type { PlanningBlock } from "./types";

const block = (quantity: number, h100eFactor: string) => ({ id: "b", quantity, h100eFactor }) as PlanningBlock;

describe("blockH100e", () => {
  it("is quantity × the type's factor", () => {
    // 8 × 1.3 = 10.4; 1,000 × 2.25 = 2,250
    expect(blockH100e(block(8, "1.3")).toString()).toBe("10.4");
    expect(blockH100e(block(1000, "2.25")).toString()).toBe("2250");
  });

  it("is computed once per block, and again when the block's quantity or factor changes", () => {
    const b = block(8, "1.3");
    const first = blockH100e(b);
    expect(blockH100e(b)).toBe(first);
    b.quantity = 10; // 10 × 1.3 = 13
    expect(blockH100e(b).toString()).toBe("13");
    b.h100eFactor = "0.5"; // 10 × 0.5 = 5
    expect(blockH100e(b).toString()).toBe("5");
  });

  it("hands the exact sums its scaled form: quantity × the factor's digits", () => {
    // 1,000 × 2.25 → 225,000 ÷ 10² (the factor's scale); 12 × 0.1234 → 14,808 ÷ 10⁴ = 1.4808
    expect(toScaledCached(blockH100e(block(1000, "2.25")))).toEqual({ n: 225000n, scale: 2 });
    expect(toScaledCached(blockH100e(block(12, "0.1234")))).toEqual({ n: 14808n, scale: 4 });
    // the same value as read back from the Dec
    expect(
      averageUnitsByMonth(
        [{ units: blockH100e(block(12, "0.1234")), startAt: new Date("2026-01-01T00:00:00Z"), endAt: new Date("2027-01-01T00:00:00Z") }],
        [{ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") }],
      )[0]!.toString(),
    ).toBe("1.4808");
  });
});
