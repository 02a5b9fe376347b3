import { describe, expect, it } from "vitest";
import { dec } from "./decimal";
import { pow10, ratio, rescale, toScaled } from "./exact";

describe("toScaled", () => {
  it.each([
    // value, n, scale: value = n ÷ 10^scale
    [0, 0n, 0],
    [42, 42n, 0],
    ["42", 42n, 0],
    ["2.50", 25n, 1], // trailing zeros dropped: 25 ÷ 10
    ["0.0001", 1n, 4],
    ["-3.125", -3125n, 3],
    [1.5, 15n, 1], // not an integer: read through Decimal
    [dec("1.30").times(8), 104n, 1], // 10.4
    [dec("1e-7"), 1n, 7], // exponent notation written out
    [null, 0n, 0],
  ] as const)("%s → %s ÷ 10^%s", (value, n, scale) => {
    expect(toScaled(value)).toEqual({ n, scale });
  });

  it("rejects what is not a finite decimal", () => {
    expect(() => toScaled("Infinity")).toThrow();
  });
});

describe("rescale, pow10 and ratio", () => {
  it("rescales to a larger scale exactly: 2.5 (25, 1) at scale 4 is 25,000", () => {
    expect(rescale(25n, 1, 4)).toBe(25_000n);
    expect(pow10(0)).toBe(1n);
    expect(pow10(12)).toBe(1_000_000_000_000n);
  });

  it("divides once at Dec precision", () => {
    // 7,440 AH in accelerator-ms (7,440 × 3,600,000) back to AH
    expect(ratio(26_784_000_000n, 3_600_000n).toString()).toBe("7440");
    // 1 ÷ 3 rounded once to 40 significant digits
    expect(ratio(1n, 3n).toString()).toBe(`0.${"3".repeat(40)}`);
    expect(ratio(-5n, 1n).toString()).toBe("-5");
  });
});
