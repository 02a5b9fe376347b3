import { describe, expect, it } from "vitest";
import { parseDay, validateMetricRecord } from "./rows";

const NOW = new Date("2026-06-01T10:00:00Z");
const ok = { workload: "Chat inference", metric: "tokens_served", day: "2026-03-01", value: "250000000000" };

describe("parseDay", () => {
  it("reads calendar days as YYYY-MM-DD and refuses impossible or other forms", () => {
    expect(parseDay("2026-03-01")).toBe("2026-03-01");
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-3-1")).toBeNull();
    expect(parseDay("03/01/2026")).toBeNull();
    expect(parseDay("2026-03-01T00:00:00Z")).toBeNull();
    expect(parseDay("")).toBeNull();
  });
});

describe("validateMetricRecord", () => {
  it("returns the row with the value as an exact decimal string", () => {
    expect(validateMetricRecord(2, { ...ok, workload: " Chat inference ", value: "1.500000" }, NOW)).toEqual({
      row: { line: 2, workload: "Chat inference", metric: "tokens_served", day: "2026-03-01", value: "1.5" },
    });
    expect(validateMetricRecord(3, { ...ok, value: 3.5e11 }, NOW)).toMatchObject({ row: { value: "350000000000" } });
    expect(validateMetricRecord(4, { ...ok, value: "123456789012345678.5" }, NOW)).toMatchObject({
      row: { value: "123456789012345678.5" },
    });
  });

  it("accepts the last day up to today (UTC) and 0, and reads -0 as 0", () => {
    expect(validateMetricRecord(2, { ...ok, day: "2026-06-01", value: "0" }, NOW)).toMatchObject({
      row: { day: "2026-06-01", value: "0" },
    });
    expect(validateMetricRecord(2, { ...ok, value: "-0.0" }, NOW)).toMatchObject({ row: { value: "0" } });
  });

  it("reports every bad cell of a row by column", () => {
    expect(validateMetricRecord(7, { workload: "", metric: "Tokens Served", day: "2026-02-30", value: "-5" }, NOW)).toEqual({
      errors: [
        { line: 7, column: "workload", message: "Enter the workload (its name)." },
        { line: 7, column: "metric", message: expect.stringContaining("lower-case snake case") },
        { line: 7, column: "day", message: '"2026-02-30" is not a date such as 2026-03-01 (YYYY-MM-DD).' },
        { line: 7, column: "value", message: '"-5" is not a number of 0 or more.' },
      ],
    });
  });

  it("refuses metric names that are not lower snake case or too long", () => {
    for (const metric of ["tokens-served", "_tokens", "tokens__served", "tokens_", "1tokens", "tokensServed", "a".repeat(65)]) {
      expect(validateMetricRecord(2, { ...ok, metric }, NOW), metric).toMatchObject({ errors: [{ column: "metric" }] });
    }
    for (const metric of ["requests", "training_tokens", "tokens_served_v2", "a".repeat(64)]) {
      expect(validateMetricRecord(2, { ...ok, metric }, NOW), metric).toMatchObject({ row: { metric } });
    }
  });

  it("refuses days in the future or before 2000", () => {
    expect(validateMetricRecord(2, { ...ok, day: "2026-06-02" }, NOW)).toEqual({
      errors: [{ line: 2, column: "day", message: "2026-06-02 is in the future (today is 2026-06-01, UTC)." }],
    });
    expect(validateMetricRecord(2, { ...ok, day: "1999-12-31" }, NOW)).toMatchObject({ errors: [{ column: "day" }] });
  });

  it("refuses more than 6 decimal places, values of 10^18 or more, and non-numbers", () => {
    expect(validateMetricRecord(2, { ...ok, value: "1.1234567" }, NOW)).toMatchObject({
      errors: [{ column: "value", message: "1.1234567 has more than 6 decimal places." }],
    });
    expect(validateMetricRecord(2, { ...ok, value: "1e18" }, NOW)).toMatchObject({ errors: [{ column: "value" }] });
    expect(validateMetricRecord(2, { ...ok, value: "12 tokens" }, NOW)).toMatchObject({ errors: [{ column: "value" }] });
    expect(validateMetricRecord(2, { ...ok, value: Number.NaN }, NOW)).toMatchObject({ errors: [{ column: "value" }] });
    expect(validateMetricRecord(2, { ...ok, value: null }, NOW)).toMatchObject({
      errors: [{ column: "value", message: "Enter the value (a number, 0 or more)." }],
    });
  });

  it("refuses a workload holding a control character and cells that are not text", () => {
    expect(validateMetricRecord(3, { ...ok, workload: "Chat\u0000" }, NOW)).toEqual({
      errors: [{ line: 3, column: "workload", message: "The workload contains a control character (such as NUL)." }],
    });
    expect(validateMetricRecord(3, { ...ok, workload: 12, metric: ["tokens"], day: 20260301 }, NOW)).toMatchObject({
      errors: [{ column: "workload" }, { column: "metric" }, { column: "day" }],
    });
  });
});
