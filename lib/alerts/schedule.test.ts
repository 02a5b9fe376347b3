import { describe, expect, it } from "vitest";
import { evaluationDue } from "./schedule";

describe("evaluationDue", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  it("is due on schedule when there is no evaluation yet or the last is as old as the interval", () => {
    expect(evaluationDue(null, now, 15, 7)).toBe("schedule");
    expect(evaluationDue({ startedAt: new Date("2026-12-06T09:45:00Z"), dataVersion: 7 }, now, 15, 7)).toBe("schedule");
  });
  it("is due when the data version moved since the last evaluation, and not otherwise", () => {
    const last = { startedAt: new Date("2026-12-06T09:50:00Z"), dataVersion: 7 };
    expect(evaluationDue(last, now, 15, 8)).toBe("data");
    expect(evaluationDue(last, now, 15, 7)).toBeNull();
  });
});
