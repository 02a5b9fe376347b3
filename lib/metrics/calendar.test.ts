import { describe, expect, it } from "vitest";
import { addUtcMonths, isoDay, parseUtc, startOfUtcMonth, utcDays, utcMonths } from "./calendar";

describe("calendar", () => {
  it("lists consecutive months across a year end, starting with the month of the date", () => {
    const months = utcMonths(new Date("2026-11-15T13:00:00Z"), 3);
    expect(months.map((m) => isoDay(m.from))).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
    expect(isoDay(months[2]!.to)).toBe("2027-02-01");
  });

  it("moves months from the first of the month", () => {
    expect(isoDay(addUtcMonths(new Date("2026-01-31T00:00:00Z"), 1))).toBe("2026-02-01");
    expect(isoDay(startOfUtcMonth(new Date("2026-03-31T23:59:59Z")))).toBe("2026-03-01");
  });

  it("splits a period into whole UTC days", () => {
    const days = utcDays({ from: new Date("2026-02-27T00:00:00Z"), to: new Date("2026-03-02T00:00:00Z") });
    expect(days.map((d) => isoDay(d.from))).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("reads plain dates as UTC midnight and rejects garbage", () => {
    expect(parseUtc("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseUtc("2026-03-01T06:00:00.000Z").toISOString()).toBe("2026-03-01T06:00:00.000Z");
    expect(() => parseUtc("soon")).toThrow(/Not a date/);
  });
});
