import { describe, expect, it } from "vitest";
import { capacityAh } from "./capacity";

const block = { quantity: 8, startAt: new Date("2026-03-10T00:00:00Z"), endAt: new Date("2026-05-01T00:00:00Z") };
const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };

describe("capacityAh", () => {
  it("multiplies quantity by the hours the block is held inside the period", () => {
    // 8 accelerators × 22 days × 24 h = 8 × 528 = 4,224 AH
    expect(capacityAh(block, march).toString()).toBe("4224");
  });

  it("is zero outside the block", () => {
    expect(capacityAh(block, { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-07-01T00:00:00Z") }).toString()).toBe("0");
  });
});
