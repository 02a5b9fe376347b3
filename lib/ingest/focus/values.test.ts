import { describe, expect, it } from "vitest";
import { FocusRowMapper, type FocusError } from "./rows";
import { CellError, isNullCell, parseDecimalCell, parseTimestampCell } from "./values";

describe("parseDecimalCell", () => {
  it.each([
    ["0.00000080000", "0.00000080000"],
    ["-10.25", "-10.25"],
    ["1.5E-7", "0.00000015"],
    ["8.0e-7", "0.0000008"],
    ["2.5E+3", "2500"],
    ["21.44988849635786", "21.44988849635786"],
    [" 12.5 ", "12.5"],
    ["7.", "7"],
  ])("reads %s exactly as %s", (raw, expected) => {
    expect(parseDecimalCell(raw)).toBe(expected);
  });

  it.each(["$10,100.00 ", "1,000", "12 USD", "NaN", "Infinity", "abc", "1e", "--1"])("refuses %s", (raw) => {
    expect(() => parseDecimalCell(raw)).toThrow(CellError);
  });

  it("refuses a value beyond numeric(24,10)", () => {
    expect(() => parseDecimalCell("1E14")).toThrow(/too large/);
    expect(parseDecimalCell("99999999999999.5")).toBe("99999999999999.5");
  });
});

describe("parseTimestampCell", () => {
  it.each([
    ["2024-09-01 00:00:00", "2024-09-01 00:00:00+00", Date.UTC(2024, 8, 1)],
    ["2023-01-01T00:00:00Z", "2023-01-01 00:00:00+00", Date.UTC(2023, 0, 1)],
    ["2023-01-01T10:30:00.123Z", "2023-01-01 10:30:00.123+00", Date.UTC(2023, 0, 1, 10, 30, 0, 123)],
    ["2023-01-01T10:30", "2023-01-01 10:30:00+00", Date.UTC(2023, 0, 1, 10, 30)],
    ["2024-02-29", "2024-02-29 00:00:00+00", Date.UTC(2024, 1, 29)],
    ["2023-01-01T02:00:00+02:00", "2023-01-01 02:00:00+02:00", Date.UTC(2023, 0, 1)],
  ])("reads %s", (raw, text, epochMs) => {
    expect(parseTimestampCell(raw)).toEqual({ text, epochMs });
  });

  it.each([
    ["2023-02-01T30:00:00Z", /impossible hour 30/],
    ["2023-02-30T00:00:00Z", /not a real date/],
    ["2023-02-29", /not a real date/],
    ["2023-13-01", /no month 13/],
    ["2023-01-01T10:61:00Z", /impossible minute/],
    ["5/1/25", /could be 1 May or 5 January/],
    ["yesterday", /not a date-time/],
  ])("refuses %s", (raw, message) => {
    expect(() => parseTimestampCell(raw)).toThrow(message);
  });
});

describe("isNullCell", () => {
  it("treats empty, NULL and null as null, and nothing else", () => {
    expect(["", "NULL", "null"].every(isNullCell)).toBe(true);
    expect(["0", " ", "None", "N/A"].some(isNullCell)).toBe(false);
  });
});

describe("FocusRowMapper", () => {
  const header = [
    "billedcost",
    "EFFECTIVECOST",
    "ChargePeriodStart",
    "ChargePeriodEnd",
    "ChargeCategory",
    "BillingCurrency",
    "ProviderName",
    "SkuPriceid",
    "x_Thing",
    "Mystery",
  ];

  it("matches columns ignoring case and keeps x_ and unknown columns in extra", () => {
    const mapper = new FocusRowMapper(header, 1, { fxRates: {} });
    expect(mapper.headerErrors).toEqual([]);
    const errors: FocusError[] = [];
    const line = mapper.map(["1", "2", "2025-01-01", "2025-01-02", "Usage", "USD", "AWS", "sp-1", "a\tb", "c\\d"], 2, errors)!;
    expect(errors).toEqual([]);
    const cells = line.trimEnd().split("\t");
    expect(cells[0]).toBe("2");
    expect(cells).toContain("sp-1");
    expect(cells.at(-1)).toBe(JSON.stringify({ x_Thing: "a\tb", Mystery: "c\\d" }).replaceAll("\\", "\\\\"));
  });

  it("names each missing mandatory column and a column given twice", () => {
    const mapper = new FocusRowMapper(["BilledCost", "billedcost", "ChargePeriodStart"], 1, { fxRates: {} });
    expect(mapper.headerErrors.map((e) => e.column)).toEqual([
      "billedcost",
      "BillingCurrency",
      "ChargePeriodEnd",
      "EffectiveCost",
      "ChargeCategory",
      "ProviderName",
    ]);
  });

  it("takes the provider from ServiceProviderName (FOCUS 1.3) when ProviderName is absent", () => {
    const mapper = new FocusRowMapper(
      ["BilledCost", "EffectiveCost", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "BillingCurrency", "ServiceProviderName"],
      1,
      { fxRates: {} },
    );
    expect(mapper.headerErrors).toEqual([]);
    const errors: FocusError[] = [];
    expect(mapper.map(["1", "1", "2025-01-01", "2025-01-02", "Usage", "USD", "Microsoft"], 2, errors)).toContain("\tMicrosoft\t");
    mapper.map(["1", "1", "2025-01-01", "2025-01-02", "Usage", "USD", "NULL"], 3, errors);
    expect(errors).toEqual([{ line: 3, column: "ProviderName", message: "ProviderName is empty; FOCUS requires a value" }]);
  });
});
