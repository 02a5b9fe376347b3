import { describe, expect, it } from "vitest";
import { CronError, nextRun, scheduleProblem } from "./schedule";

const at = (iso: string) => new Date(iso);
const next = (cron: string, after: string) => nextRun(cron, at(after)).toISOString();

describe("connector schedules", () => {
  it("runs a daily 06:00 schedule later the same day, or the next day once past", () => {
    expect(next("0 6 * * *", "2026-12-06T05:59:30Z")).toBe("2026-12-06T06:00:00.000Z");
    expect(next("0 6 * * *", "2026-12-06T06:00:00Z")).toBe("2026-12-07T06:00:00.000Z");
    expect(next("0 6 * * *", "2026-12-31T07:00:00Z")).toBe("2027-01-01T06:00:00.000Z");
  });

  it("steps, ranges and lists", () => {
    expect(next("*/15 * * * *", "2026-12-06T10:07:00Z")).toBe("2026-12-06T10:15:00.000Z");
    expect(next("*/15 * * * *", "2026-12-06T10:45:00Z")).toBe("2026-12-06T11:00:00.000Z");
    expect(next("30 8-10/2 * * *", "2026-12-06T08:31:00Z")).toBe("2026-12-06T10:30:00.000Z");
    expect(next("0 0,12 * * *", "2026-12-06T00:00:00Z")).toBe("2026-12-06T12:00:00.000Z");
    expect(next("5/20 * * * *", "2026-12-06T10:26:00Z")).toBe("2026-12-06T10:45:00.000Z");
  });

  it("days of the week, with 7 as Sunday", () => {
    // 2026-12-06 is a Sunday.
    expect(next("0 9 * * 1", "2026-12-06T12:00:00Z")).toBe("2026-12-07T09:00:00.000Z");
    expect(next("0 9 * * 7", "2026-12-06T12:00:00Z")).toBe("2026-12-13T09:00:00.000Z");
    expect(next("0 9 * * 1-5", "2026-12-11T10:00:00Z")).toBe("2026-12-14T09:00:00.000Z");
  });

  it("a day of the month, across short months, and either day field when both are set", () => {
    expect(next("0 0 31 * *", "2027-01-31T00:00:00Z")).toBe("2027-03-31T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2026-12-06T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    // The 15th or any Monday: Monday 2026-12-07 comes first.
    expect(next("0 0 15 * 1", "2026-12-06T00:00:00Z")).toBe("2026-12-07T00:00:00.000Z");
    expect(next("0 4 1 1 *", "2026-12-06T00:00:00Z")).toBe("2027-01-01T04:00:00.000Z");
  });

  it("refuses malformed or impossible schedules with a sentence", () => {
    expect(scheduleProblem("0 6 * * *")).toBeNull();
    expect(scheduleProblem("0 6 * *")).toMatch(/five fields/);
    expect(scheduleProblem("60 6 * * *")).toMatch(/minute field "60" must stay within 0–59/);
    expect(scheduleProblem("0 24 * * *")).toMatch(/hour field/);
    expect(scheduleProblem("0 6 * * MON")).toMatch(/day of week field/);
    expect(scheduleProblem("*/0 * * * *")).toMatch(/step of 0/);
    expect(scheduleProblem("0 0 31 2 *")).toMatch(/never runs/);
    expect(() => nextRun("@daily", new Date())).toThrow(CronError);
  });
});
