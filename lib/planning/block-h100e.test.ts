import { describe, expect, it } from "vitest";
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
});
