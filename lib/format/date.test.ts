import { describe, expect, it } from "vitest";
import { formatDay, formatDayShort, formatMonth, formatMonthShort } from "./date";

describe("date formats", () => {
  it("names months in UTC", () => {
    expect(formatMonth(new Date("2027-03-01T00:00:00Z"))).toBe("Mar 2027");
    expect(formatMonth("2027-03-31T23:59:59Z")).toBe("Mar 2027");
    expect(formatMonthShort(new Date("2027-03-01T00:00:00Z"))).toBe("Mar '27");
  });

  it("names days in UTC", () => {
    expect(formatDay(new Date("2026-03-12T23:00:00Z"))).toBe("12 Mar 2026");
    expect(formatDayShort(new Date("2026-03-12T00:00:00Z"))).toBe("12 Mar");
  });
});
