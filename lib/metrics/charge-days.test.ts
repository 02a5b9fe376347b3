import { describe, expect, it } from "vitest";
import { chargeByDay } from "./charge-days";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("chargeByDay", () => {
  it("spreads a monthly charge evenly over its 30 days", () => {
    const days = chargeByDay("300", d("2026-09-01"), d("2026-10-01"), d("2026-09-01"), d("2026-10-01"));
    expect(days.size).toBe(30);
    expect(days.get(0)!.toFixed()).toBe("10");
    expect(days.get(29)!.toFixed()).toBe("10");
  });

  it("clips a monthly charge to the window, keeping the day index from its start", () => {
    const days = chargeByDay("310", d("2026-10-01"), d("2026-11-01"), d("2026-10-30"), d("2026-11-15"));
    expect([...days.entries()].map(([i, v]) => [i, v.toFixed()])).toEqual([
      [0, "10"],
      [1, "10"],
    ]);
  });

  it("keeps a daily charge on its own day and splits one that straddles midnight by hours", () => {
    expect(chargeByDay("7", d("2026-10-02"), d("2026-10-03"), d("2026-10-01"), d("2026-10-05")).get(1)!.toFixed()).toBe("7");
    const split = chargeByDay("24", new Date("2026-10-01T18:00:00Z"), new Date("2026-10-02T06:00:00Z"), d("2026-10-01"), d("2026-10-05"));
    expect(split.get(0)!.toFixed()).toBe("12");
    expect(split.get(1)!.toFixed()).toBe("12");
  });
});
