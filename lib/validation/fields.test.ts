import { z } from "zod";
import { describe, expect, it } from "vitest";
import { decimalField, numberInput } from "./fields";

const messages = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues.map((i) => i.message) ?? [];

describe("numbers typed into a form", () => {
  const quantity = z.preprocess(numberInput("quantity"), z.coerce.number().int());

  it("reads thousands separated by a comma or a space, one separator throughout", () => {
    for (const [typed, value] of [
      ["2,000", 2000],
      [" 2 000 ", 2000],
      ["2\u202f000", 2000],
      ["1,234,567", 1234567],
      ["-1,000", -1000],
      ["2000", 2000],
      ["12", 12],
    ] as const)
      expect(quantity.parse(typed), typed).toBe(value);
  });

  it("refuses a comma that could be a decimal comma, or separators out of place, naming the field", () => {
    for (const typed of ["2,5", "1,23", "2,0000", "12,34,567", "1,000 000", "2 5", ",000"]) {
      const result = quantity.safeParse(typed);
      expect(result.success, typed).toBe(false);
      expect(messages(result), typed).toEqual([
        "Quantity must be a number: a comma or space may only separate thousands, as in 2,000; decimals take a point, as in 2.5.",
      ]);
    }
  });

  it("passes numbers and other values unchanged", () => {
    expect(quantity.parse(2000)).toBe(2000);
    expect(z.preprocess(numberInput("x"), z.unknown()).parse(undefined)).toBeUndefined();
  });
});

describe("decimalField", () => {
  const rate = decimalField("the rate", 6, "99999999");

  it("reads a grouped decimal exactly", () => {
    expect(rate.parse("1,234.500000")).toBe("1234.5");
    expect(rate.parse("2 000")).toBe("2000");
    expect(rate.parse(2.25)).toBe("2.25");
  });

  it("refuses a decimal comma instead of reading 2,5 as 25", () => {
    expect(messages(rate.safeParse("2,5"))).toEqual([
      "Rate must be a number: a comma or space may only separate thousands, as in 2,000; decimals take a point, as in 2.5.",
    ]);
  });

  it("keeps its other messages", () => {
    expect(messages(rate.safeParse("abc"))).toEqual(["Rate must be a number."]);
    expect(messages(rate.safeParse("1.1234567"))).toEqual(["Rate has at most 6 decimal places."]);
    expect(messages(rate.safeParse(""))[0]).toBe("Enter the rate.");
  });
});
