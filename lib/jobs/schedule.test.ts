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

  it("says what is wrong with a schedule", () => {
    expect(cronProblem("0 6 * * *")).toBeNull();
    expect(cronProblem("0 6 * *")).toMatch(/five fields/);
    expect(cronProblem("61 6 * * *")).toMatch(/^Not a valid schedule/);
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
