import { describe, expect, it } from "vitest";
import { parseHour, validateRecord } from "./rows";

const NOW = new Date("2026-06-01T00:00:00Z");

describe("parseHour", () => {
  it("reads ISO timestamps with Z, an offset, a space or no zone (UTC)", () => {
    expect(parseHour("2026-03-01T14:00:00Z")).toEqual(new Date("2026-03-01T14:00:00Z"));
    expect(parseHour("2026-03-01T14:00Z")).toEqual(new Date("2026-03-01T14:00:00Z"));
    expect(parseHour("2026-03-01 14:00:00")).toEqual(new Date("2026-03-01T14:00:00Z"));
    expect(parseHour("2026-03-01T16:00:00+02:00")).toEqual(new Date("2026-03-01T14:00:00Z"));
    expect(parseHour("2026-03-01T14:00:00.000Z")).toEqual(new Date("2026-03-01T14:00:00Z"));
  });

  it("refuses a time that is not the start of a UTC hour", () => {
    expect(parseHour("2026-03-01T14:30:00Z")).toBe("not-whole");
    expect(parseHour("2026-03-01T14:00:01Z")).toBe("not-whole");
    expect(parseHour("2026-03-01T14:00:00.5Z")).toBe("not-whole");
    expect(parseHour("2026-03-01T14:00:00+05:30")).toBe("not-whole");
  });

  it("refuses impossible and non-ISO dates", () => {
    expect(parseHour("2026-02-30T00:00:00Z")).toBe("invalid");
    expect(parseHour("2026-03-01T30:00:00Z")).toBe("invalid");
    expect(parseHour("3/1/26 14:00")).toBe("invalid");
    expect(parseHour("2026-03-01")).toBe("invalid");
    expect(parseHour("")).toBe("invalid");
  });
});

describe("validateRecord", () => {
  it("returns the row with used accelerator-hours as an exact decimal string", () => {
    expect(validateRecord(2, { reservation: " block-a ", hour: "2026-03-01T14:00:00Z", used_ah: "7.5000" }, NOW)).toEqual({
      row: { line: 2, reservation: "block-a", hour: new Date("2026-03-01T14:00:00Z"), usedAh: "7.5", workload: null },
    });
    expect(validateRecord(3, { reservation: "b", hour: "2026-03-01T14:00:00Z", used_ah: 8 }, NOW)).toMatchObject({ row: { usedAh: "8" } });
  });

  it("reads -0 as 0 alike from CSV text and JSON numbers or strings, and still refuses other negatives", () => {
    const hour = "2026-03-01T14:00:00Z";
    for (const used_ah of ["-0", "-0.00", " -0 ", -0, "0"]) {
      expect(validateRecord(2, { reservation: "b", hour, used_ah }, NOW)).toMatchObject({ row: { usedAh: "0" } });
    }
    expect(validateRecord(2, { reservation: "b", hour, used_ah: "-0.5" }, NOW)).toMatchObject({ errors: [{ column: "used_ah" }] });
  });

  it("reports every bad cell of a row by column", () => {
    const result = validateRecord(7, { reservation: "", hour: "2026-03-01T14:15:00Z", used_ah: "-1" }, NOW);
    expect(result).toEqual({
      errors: [
        { line: 7, column: "reservation", message: expect.stringContaining("Enter the reservation") },
        { line: 7, column: "hour", message: expect.stringContaining("not the start of an hour") },
        { line: 7, column: "used_ah", message: expect.stringContaining("0 or more") },
      ],
    });
  });

  it("refuses more than 4 decimal places and hours in the future", () => {
    expect(validateRecord(2, { reservation: "b", hour: "2026-03-01T14:00:00Z", used_ah: "1.23456" }, NOW)).toMatchObject({
      errors: [{ column: "used_ah" }],
    });
    expect(validateRecord(2, { reservation: "b", hour: "2026-06-01T01:00:00Z", used_ah: "1" }, NOW)).toMatchObject({
      errors: [{ column: "hour", message: expect.stringContaining("not started") }],
    });
  });

  it("refuses an hour before 2000 (year 0 among them), naming the line and the hour", () => {
    expect(validateRecord(4, { reservation: "b", hour: "0000-01-01T00:00:00Z", used_ah: "1" }, NOW)).toEqual({
      errors: [
        { line: 4, column: "hour", message: "0000-01-01T00:00:00Z is before 2000; hours from 2000-01-01T00:00:00Z on are accepted." },
      ],
    });
    expect(validateRecord(5, { reservation: "b", hour: "2000-01-01T00:00:00+01:00", used_ah: "1" }, NOW)).toMatchObject({
      errors: [{ line: 5, column: "hour", message: expect.stringContaining("before 2000") }],
    });
    expect(validateRecord(6, { reservation: "b", hour: "2000-01-01T00:00:00Z", used_ah: "1" }, NOW)).toMatchObject({ row: { line: 6 } });
  });

  it("refuses a reservation holding NUL or another control character", () => {
    expect(validateRecord(3, { reservation: "block\u0000a", hour: "2026-03-01T14:00:00Z", used_ah: "1" }, NOW)).toEqual({
      errors: [{ line: 3, column: "reservation", message: "The reservation contains a control character (such as NUL)." }],
    });
  });

  it("reads the optional workload column: trimmed, empty = none, text only, no control characters", () => {
    const base = { reservation: "b", hour: "2026-03-01T14:00:00Z", used_ah: "1" };
    expect(validateRecord(2, { ...base, workload: " Chat inference " }, NOW)).toMatchObject({ row: { workload: "Chat inference" } });
    expect(validateRecord(2, { ...base, workload: "" }, NOW)).toMatchObject({ row: { workload: null } });
    expect(validateRecord(2, { ...base, workload: null }, NOW)).toMatchObject({ row: { workload: null } });
    expect(validateRecord(2, { ...base, workload: 7 }, NOW)).toMatchObject({ errors: [{ line: 2, column: "workload" }] });
    expect(validateRecord(2, { ...base, workload: "a\u0000b" }, NOW)).toMatchObject({ errors: [{ column: "workload" }] });
    expect(validateRecord(2, { ...base, workload: "x".repeat(201) }, NOW)).toMatchObject({ errors: [{ column: "workload" }] });
  });
});
