import { describe, expect, it } from "vitest";
import { expiringWithin, isExpiringWithin } from "./expiring";

const asOf = new Date("2026-03-01T00:00:00Z");

describe("expiring", () => {
  it("takes ends in (t, t + N days]", () => {
    // 1 Mar + 90 days = 30 May
    expect(isExpiringWithin(asOf, asOf, 90)).toBe(false);
    expect(isExpiringWithin(new Date("2026-05-30T00:00:00Z"), asOf, 90)).toBe(true);
    expect(isExpiringWithin(new Date("2026-05-30T00:00:01Z"), asOf, 90)).toBe(false);
  });

  it("lists the soonest first", () => {
    const items = [
      { id: "b", endAt: new Date("2026-04-01T00:00:00Z") },
      { id: "late", endAt: new Date("2026-09-01T00:00:00Z") },
      { id: "a", endAt: new Date("2026-03-02T00:00:00Z") },
    ];
    expect(expiringWithin(items, asOf, 90).map((i) => i.id)).toEqual(["a", "b"]);
  });
});
