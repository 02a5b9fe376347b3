import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/format/date";
import { cronProblem, nextCronTime, retryDelay } from "./schedule";

describe("job schedules", () => {
  it("finds the next tick strictly after a time, in UTC", () => {
    // Every 5 minutes: 10:02 → 10:05; exactly 10:05 → 10:10 (strictly after).
    expect(nextCronTime("*/5 * * * *", new Date("2027-03-01T10:02:30Z"))).toEqual(new Date("2027-03-01T10:05:00Z"));
    expect(nextCronTime("*/5 * * * *", new Date("2027-03-01T10:05:00Z"))).toEqual(new Date("2027-03-01T10:10:00Z"));
    // 06:00 daily, asked at 07:00 on 28 Feb 2027 (not a leap year) → 1 Mar 06:00.
    expect(nextCronTime("0 6 * * *", new Date("2027-02-28T07:00:00Z"))).toEqual(new Date("2027-03-01T06:00:00Z"));
  });

  // Billing connectors' schedules, worked out on the calendar (2026-12-06 is a Sunday).
  const next = (cron: string, after: string) => nextCronTime(cron, new Date(after)).toISOString();

  it("runs a daily 06:00 schedule later the same day, or the next day once past", () => {
    expect(next("0 6 * * *", "2026-12-06T05:59:30Z")).toBe("2026-12-06T06:00:00.000Z");
    expect(next("0 6 * * *", "2026-12-06T06:00:00Z")).toBe("2026-12-07T06:00:00.000Z");
    expect(next("0 6 * * *", "2026-12-31T07:00:00Z")).toBe("2027-01-01T06:00:00.000Z");
  });

  it("steps, ranges and lists", () => {
    expect(next("*/15 * * * *", "2026-12-06T10:45:00Z")).toBe("2026-12-06T11:00:00.000Z");
    expect(next("30 8-10/2 * * *", "2026-12-06T08:31:00Z")).toBe("2026-12-06T10:30:00.000Z");
    expect(next("0 0,12 * * *", "2026-12-06T00:00:00Z")).toBe("2026-12-06T12:00:00.000Z");
    expect(next("5/20 * * * *", "2026-12-06T10:26:00Z")).toBe("2026-12-06T10:45:00.000Z");
  });

  it("days of the week (7 is Sunday, names allowed), days of the month across short months, either day field when both are set", () => {
    expect(next("0 9 * * 1", "2026-12-06T12:00:00Z")).toBe("2026-12-07T09:00:00.000Z");
    expect(next("0 9 * * 7", "2026-12-06T12:00:00Z")).toBe("2026-12-13T09:00:00.000Z");
    expect(next("0 9 * * MON-FRI", "2026-12-11T10:00:00Z")).toBe("2026-12-14T09:00:00.000Z");
    expect(next("0 0 31 * *", "2027-01-31T00:00:00Z")).toBe("2027-03-31T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2026-12-06T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("0 0 15 * 1", "2026-12-06T00:00:00Z")).toBe("2026-12-07T00:00:00.000Z");
  });

  it("says what is wrong with a schedule", () => {
    expect(cronProblem("0 6 * * *")).toBeNull();
    expect(cronProblem("0 6 * *")).toMatch(/five fields/);
    expect(cronProblem("@daily")).toMatch(/five fields/);
    expect(cronProblem("60 6 * * *")).toBe(
      'Not a valid schedule (minute hour day-of-month month day-of-week, UTC): the minute field "60": Constraint error, got value 60 expected range 0-59.',
    );
    expect(cronProblem("*/0 * * * *")).toMatch(/cannot repeat at every 0 time\.$/);
    expect(cronProblem("0 25 * * *")).toMatch(/the hour field "25": Constraint error, got value 25 expected range 0-23\.$/);
    // Valid fields that never meet: no 31 February.
    expect(cronProblem("0 0 31 2 *")).toMatch(/these fields together: Invalid explicit day of month definition\.$/);
  });

  it("doubles the retry delay after each failed retry", () => {
    // Base 30 s: first retry 30 s, second 60 s, third 120 s.
    expect([1, 2, 3].map((n) => retryDelay(30, n))).toEqual([30, 60, 120]);
  });

  it("prints durations the way the jobs page shows them", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12.4 s");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
  });
});
