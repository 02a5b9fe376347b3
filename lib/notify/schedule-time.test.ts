import { describe, expect, it } from "vitest";
import { describeSchedule, isTimeZone, nextRunAt, type ScheduleTime } from "./schedule-time";

const weekly = (weekday: number, hour: number, timeZone: string): ScheduleTime => ({
  cadence: "weekly",
  weekday,
  dayOfMonth: null,
  hour,
  timeZone,
});
const monthly = (dayOfMonth: number, hour: number, timeZone: string): ScheduleTime => ({
  cadence: "monthly",
  weekday: null,
  dayOfMonth,
  hour,
  timeZone,
});
const at = (iso: string) => new Date(iso);

describe("nextRunAt", () => {
  it("finds the next Monday 08:00 in Berlin (CET, UTC+1)", () => {
    // Sunday 2026-12-06 11:00 CET → Monday 2026-12-07 08:00 CET = 07:00 UTC.
    expect(nextRunAt(weekly(1, 8, "Europe/Berlin"), at("2026-12-06T10:00:00Z"))).toEqual(at("2026-12-07T07:00:00Z"));
  });

  it("moves a week on when asked at the due time itself", () => {
    expect(nextRunAt(weekly(1, 8, "Europe/Berlin"), at("2026-12-07T07:00:00Z"))).toEqual(at("2026-12-14T07:00:00Z"));
  });

  it("keeps 09:00 on the wall clock across the US spring-forward (EST UTC−5 → EDT UTC−4)", () => {
    // Sunday 2027-03-07 09:00 EST = 14:00 UTC; clocks go forward on 2027-03-14, so 09:00 EDT = 13:00 UTC.
    expect(nextRunAt(weekly(0, 9, "America/New_York"), at("2027-03-07T14:00:00Z"))).toEqual(at("2027-03-14T13:00:00Z"));
  });

  it("takes an hour the spring-forward skips at the end of the gap", () => {
    // Berlin 2027-03-28: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:00 does not exist, 03:00 CEST = 01:00 UTC.
    expect(nextRunAt(weekly(0, 2, "Europe/Berlin"), at("2027-03-27T12:00:00Z"))).toEqual(at("2027-03-28T01:00:00Z"));
  });

  it("sends a repeated autumn hour once, at its first occurrence", () => {
    // Berlin 2027-10-31: 02:00 happens at 00:00 UTC (CEST) and again at 01:00 UTC (CET).
    const first = nextRunAt(weekly(0, 2, "Europe/Berlin"), at("2027-10-30T12:00:00Z"));
    expect(first).toEqual(at("2027-10-31T00:00:00Z"));
    // The next is a week later at 02:00 CET = 01:00 UTC, not the same night's second 02:00.
    expect(nextRunAt(weekly(0, 2, "Europe/Berlin"), first)).toEqual(at("2027-11-07T01:00:00Z"));
  });

  it("counts the weekday on the zone's calendar, not UTC's", () => {
    // 2026-12-06 19:00 UTC is Monday 2026-12-07 08:00 in Auckland (NZDT, UTC+13): that one is due now, the next a week on.
    expect(nextRunAt(weekly(1, 8, "Pacific/Auckland"), at("2026-12-06T18:59:00Z"))).toEqual(at("2026-12-06T19:00:00Z"));
    expect(nextRunAt(weekly(1, 8, "Pacific/Auckland"), at("2026-12-06T19:00:00Z"))).toEqual(at("2026-12-13T19:00:00Z"));
  });

  it("finds a monthly day in Sydney (AEDT, UTC+11) and across a year end in UTC", () => {
    expect(nextRunAt(monthly(28, 23, "Australia/Sydney"), at("2026-12-06T00:00:00Z"))).toEqual(at("2026-12-28T12:00:00Z"));
    expect(nextRunAt(monthly(1, 6, "UTC"), at("2026-12-31T23:00:00Z"))).toEqual(at("2027-01-01T06:00:00Z"));
  });

  it("names zones Intl knows and describes a schedule", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(describeSchedule(weekly(1, 8, "Europe/Berlin"))).toBe("Weekly on Monday at 08:00 (Europe/Berlin)");
    expect(describeSchedule(monthly(1, 6, "UTC"))).toBe("Monthly on day 1 at 06:00 (UTC)");
  });
});
