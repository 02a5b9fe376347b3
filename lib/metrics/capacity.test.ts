import { describe, expect, it } from "vitest";
import { capacityAh, isInServiceAt, totalCapacityAh } from "./capacity";

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

describe("totalCapacityAh", () => {
  it("equals the sum of capacityAh, fractions of an hour included", () => {
    const half = { quantity: 3, startAt: new Date("2026-03-31T23:30:00Z"), endAt: new Date("2026-06-01T00:00:00Z") };
    // 4,224 + 3 × 0.5 h = 4,225.5 AH
    expect(totalCapacityAh([block, half], march).toString()).toBe("4225.5");
    expect(totalCapacityAh([], march).toString()).toBe("0");
  });
});

describe("isInServiceAt", () => {
  it("counts an active block from its start up to (not including) its end", () => {
    expect(isInServiceAt({ ...block, status: "active" }, block.startAt)).toBe(true);
    expect(isInServiceAt({ ...block, status: "active" }, new Date("2026-04-30T23:59:59Z"))).toBe(true);
    expect(isInServiceAt({ ...block, status: "active" }, block.endAt)).toBe(false);
  });

  it("never counts a planned or expired block", () => {
    expect(isInServiceAt({ ...block, status: "planned" }, new Date("2026-04-01T00:00:00Z"))).toBe(false);
    expect(isInServiceAt({ ...block, status: "expired" }, new Date("2026-04-01T00:00:00Z"))).toBe(false);
  });
});
