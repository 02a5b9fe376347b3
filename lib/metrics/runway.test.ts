import { describe, expect, it } from "vitest";
import { isoDay, utcMonths } from "./calendar";
import { runwayMonth } from "./runway";

const months = utcMonths(new Date("2026-03-01T00:00:00Z"), 3);

describe("runwayMonth", () => {
  it("is the first month whose demand exceeds capacity (equal is not short)", () => {
    const series = months.map((month, i) => ({ month, capacity: "100", demand: ["90", "100", "101"][i]! }));
    expect(isoDay(runwayMonth(series)!.from)).toBe("2026-05-01");
  });

  it("is null when demand never exceeds capacity within the horizon", () => {
    expect(runwayMonth(months.map((month) => ({ month, capacity: "100", demand: "99.99" })))).toBeNull();
  });
});
