import { describe, expect, it } from "vitest";
import { blockKind, isLate, timelineLayout, type TimelineBlock } from "./timeline";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const asOf = d("2026-06-01");
const window = { from: d("2026-01-01"), to: d("2027-01-01") };

function block(name: string, start: string, end: string, extra: Partial<TimelineBlock> = {}): TimelineBlock {
  return {
    id: name,
    name,
    providerName: "Azure",
    siteName: "Abilene",
    family: "H100",
    quantity: 8,
    startAt: d(start),
    endAt: d(end),
    status: "active",
    deliveryDate: null,
    ...extra,
  };
}

describe("blockKind", () => {
  it("tells planned, active, expiring and expired blocks apart", () => {
    expect(blockKind(block("a", "2026-07-01", "2027-01-01", { status: "planned" }), asOf)).toBe("planned");
    expect(blockKind(block("b", "2026-01-01", "2026-12-01"), asOf)).toBe("active");
    expect(blockKind(block("c", "2026-01-01", "2026-08-30"), asOf)).toBe("expiring"); // 90 days after 1 June
    expect(blockKind(block("d", "2026-01-01", "2026-08-31"), asOf)).toBe("active"); // 91 days
    expect(blockKind(block("e", "2025-01-01", "2026-06-01"), asOf)).toBe("expired");
  });
});

describe("isLate", () => {
  it("marks a delivery after the start, or a block still planned after its start", () => {
    expect(isLate(block("a", "2026-03-01", "2026-09-01", { deliveryDate: "2026-03-20" }), asOf)).toBe(true);
    expect(isLate(block("b", "2026-03-01", "2026-09-01", { deliveryDate: "2026-03-01" }), asOf)).toBe(false);
    expect(isLate(block("c", "2026-05-01", "2026-09-01", { status: "planned" }), asOf)).toBe(true);
    expect(isLate(block("d", "2026-07-01", "2026-09-01", { status: "planned" }), asOf)).toBe(false);
  });
});

describe("timelineLayout", () => {
  it("packs overlapping blocks into rows and places bars as shares of the window", () => {
    const lanes = timelineLayout(
      [
        block("x1", "2026-01-01", "2026-07-02"),
        block("x2", "2026-03-01", "2026-05-01"),
        block("x3", "2026-07-02", "2027-06-01"),
        block("y1", "2025-01-01", "2025-06-01", { siteName: "Quincy" }),
        block("z1", "2026-02-01", "2026-04-01", { siteName: "Dublin" }),
      ],
      "site",
      window,
      asOf,
    );
    expect(lanes.map((l) => [l.key, l.lanes])).toEqual([
      ["Abilene", 2],
      ["Dublin", 1],
    ]);
    const abilene = lanes[0]!.bars;
    expect(abilene.map((b) => [b.block.name, b.lane])).toEqual([
      ["x1", 0],
      ["x2", 1],
      ["x3", 0],
    ]);
    // 2026-07-02 is day 182 of 365; x3 is clipped at the window's end.
    expect(abilene[2]!.left).toBeCloseTo((182 / 365) * 100, 6);
    expect(abilene[2]!.left + abilene[2]!.width).toBeCloseTo(100, 6);
    expect(abilene[0]!.left).toBe(0);
  });
});
