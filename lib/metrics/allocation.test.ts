import { describe, expect, it } from "vitest";
import { allocatedAh, allocatedAt, freePoolAh, overAllocation, type AllocationSpan } from "./allocation";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const span = (quantity: number, from: string, to: string | null): AllocationSpan => ({ quantity, from: d(from), to: to ? d(to) : null });

describe("overAllocation", () => {
  it("accepts allocations that fit at every instant, touching ends included", () => {
    expect(
      overAllocation(100, [span(60, "2026-01-01", "2026-04-01"), span(40, "2026-01-01", null), span(60, "2026-04-01", null)]),
    ).toBeNull();
  });

  it("names the first stretch over the quantity and the most allocated in it", () => {
    // 60 from Jan, 30 from Feb to May, 20 from Mar to Apr: 90 in Feb, 110 in March, 90 in April, 60 from May.
    const over = overAllocation(100, [
      span(60, "2026-01-01", null),
      span(30, "2026-02-01", "2026-05-01"),
      span(20, "2026-03-01", "2026-04-01"),
    ]);
    expect(over).toEqual({ from: d("2026-03-01"), to: d("2026-04-01"), allocated: 110, quantity: 100 });
  });

  it("reports an open-ended overlap with no end", () => {
    expect(overAllocation(8, [span(5, "2026-01-01", null), span(4, "2026-06-01", null)])).toEqual({
      from: d("2026-06-01"),
      to: null,
      allocated: 9,
      quantity: 8,
    });
  });

  it("ignores empty spans", () => {
    expect(overAllocation(1, [span(5, "2026-01-01", "2026-01-01"), span(0, "2026-01-01", null)])).toBeNull();
  });
});

describe("allocated and free accelerator-hours", () => {
  // A 100-accelerator block for all of 2026, allocated 60 (Jan–Mar) and 40 (from Feb, open): January has 744 hours,
  // February 672, March 744.
  const block = { quantity: 100, startAt: d("2026-01-01"), endAt: d("2027-01-01") };
  const spans = [span(60, "2026-01-01", "2026-04-01"), span(40, "2026-02-01", null)];
  const q1 = { from: d("2026-01-01"), to: d("2026-04-01") };

  it("counts each span's hours within the period and the block's life", () => {
    expect(allocatedAh(block, spans[0]!, q1).toNumber()).toBe(60 * (744 + 672 + 744)); // 129,600
    expect(allocatedAh(block, spans[1]!, q1).toNumber()).toBe(40 * (672 + 744)); // 56,640
    // An allocation running past the block's end counts only to the end.
    expect(allocatedAh(block, span(10, "2026-12-31", null), { from: d("2026-12-01"), to: d("2027-02-01") }).toNumber()).toBe(240);
  });

  it("leaves the rest of the block's capacity in the free pool", () => {
    // capacity 100 × 2,160 h = 216,000 AH; allocated 129,600 + 56,640 = 186,240; free 29,760.
    expect(freePoolAh(block, spans, q1).toNumber()).toBe(29_760);
    expect(freePoolAh(block, [], q1).toNumber()).toBe(216_000);
  });

  it("says what is allocated and free at an instant", () => {
    expect(allocatedAt(100, spans, d("2026-01-15"))).toEqual({ allocated: 60, free: 40 });
    expect(allocatedAt(100, spans, d("2026-02-01"))).toEqual({ allocated: 100, free: 0 });
    expect(allocatedAt(100, spans, d("2026-04-01"))).toEqual({ allocated: 40, free: 60 });
  });
});
