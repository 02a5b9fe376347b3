import { describe, expect, it } from "vitest";
import { contains, hoursIn, hoursInOverlap } from "./period";

const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };

describe("hoursInOverlap", () => {
  it("counts the hours of a whole month", () => {
    // 31 days × 24 h = 744 h; UTC has no daylight-saving jump
    expect(hoursIn(march).toString()).toBe("744");
  });

  it("counts only the part of a block inside the period", () => {
    // block [10 Mar, 1 May) ∩ March = [10 Mar, 1 Apr) = 22 days × 24 = 528 h
    expect(hoursInOverlap(march, new Date("2026-03-10T00:00:00Z"), new Date("2026-05-01T00:00:00Z")).toString()).toBe("528");
  });

  it("gives fractions of an hour exactly", () => {
    // 30 minutes = 0.5 h
    expect(hoursInOverlap(march, new Date("2026-03-31T23:30:00Z"), new Date("2026-06-01T00:00:00Z")).toString()).toBe("0.5");
  });

  it("gives zero for a block that only touches the period (half-open)", () => {
    expect(hoursInOverlap(march, new Date("2026-02-01T00:00:00Z"), march.from).toString()).toBe("0");
    expect(hoursInOverlap(march, march.to, new Date("2026-05-01T00:00:00Z")).toString()).toBe("0");
  });
});

describe("contains", () => {
  it("includes the start and excludes the end", () => {
    expect(contains(march.from, march.to, march.from)).toBe(true);
    expect(contains(march.from, march.to, march.to)).toBe(false);
  });
});
