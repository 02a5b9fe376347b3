import { describe, expect, it } from "vitest";
import { dec } from "./decimal";
import { ExactSum, hourUnit, mulInt, pow10, pow10Int, ratio, rescale, scaledText, subInt, textScale, toScaled, toScaledInt } from "./exact";

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

describe("Int arithmetic", () => {
  it("multiplies and subtracts as plain numbers while exact, as BigInt past 2^51", () => {
    expect(mulInt(744, 10_000)).toBe(7_440_000);
    // 2^30 × 2^30 = 2^60: a double would still hold it, but a sum of two no longer would, so it moves to BigInt
    expect(mulInt(2 ** 30, 2 ** 30)).toBe(2n ** 60n);
    expect(mulInt(3n, 4)).toBe(12n);
    expect(subInt(10, 25)).toBe(-15);
    expect(subInt(2 ** 51, -(2 ** 51))).toBe(2n ** 52n);
    expect(pow10Int(4)).toBe(10_000);
    expect(pow10Int(20)).toBe(10n ** 20n);
  });

  it("reads rollup text as a plain number when it fits, else a BigInt", () => {
    expect(toScaledInt("9776625.3163")).toEqual({ n: 97_766_253_163, scale: 4 });
    expect(toScaledInt("6.721800")).toEqual({ n: 67_218, scale: 4 });
    expect(toScaledInt("12345678901234567890.5")).toEqual({ n: 123_456_789_012_345_678_905n, scale: 1 });
    expect(toScaledInt(3)).toEqual({ n: 3, scale: 0 });
  });

  it("sums exactly across the plain-number limit", () => {
    // 2^51 + 2^51 + 1 + 2^60 = 2^52 + 1 + 2^60: the running number moves into the BigInt once past 2^51
    const sum = new ExactSum();
    sum.add(2 ** 51);
    sum.add(2 ** 51);
    sum.add(1);
    sum.add(2n ** 60n);
    expect(sum.value()).toBe(2n ** 52n + 1n + 2n ** 60n);
    const negative = new ExactSum();
    for (let i = 0; i < 5; i++) negative.add(-(2 ** 50) - 3);
    expect(negative.value()).toBe(-5n * (2n ** 50n + 3n));
  });
});

describe("ratio by a power of ten", () => {
  it("reads the digits instead of dividing", () => {
    // 1,234,567 ÷ 10^4 = 123.4567; 7 ÷ 10 = 0.7
    expect(ratio(1_234_567n, 10_000n).toString()).toBe("123.4567");
    expect(ratio(7n, 10n).toString()).toBe("0.7");
    expect(ratio(0n, 1_000n).isZero()).toBe(true);
  });
});

describe("toScaledInt on rollup text", () => {
  it.each([
    ["0", 0, 0],
    ["0.0000", 0, 0],
    ["120.5000", 1205, 1],
    ["-0.0100", -1, 2],
    ["123456789012.345", 123_456_789_012_345, 3], // 15 digits: still a plain number
  ] as const)("%s → %s ÷ 10^%s", (value, n, scale) => {
    const r = toScaledInt(value);
    expect([Number(r.n), r.scale]).toEqual([n, scale]);
  });
});

describe("hourUnit", () => {
  const d = (s: string) => new Date(s);
  const march = { from: d("2026-03-01T00:00:00Z"), to: d("2026-04-01T00:00:00Z") };
  it("is the hour when every boundary falls on one, else the millisecond", () => {
    expect(hourUnit([march], [{ startAt: d("2026-03-10T07:00:00Z"), endAt: d("2026-05-01T00:00:00Z") }])).toBe(3_600_000);
    expect(hourUnit([march], [{ startAt: d("2026-03-10T07:30:00Z"), endAt: d("2026-05-01T00:00:00Z") }])).toBe(1);
    expect(hourUnit([{ from: march.from, to: d("2026-03-01T00:00:01Z") }], [])).toBe(1);
  });
});

describe("textScale and scaledText", () => {
  it.each([
    // text, its scale, the text at scale 4
    ["30887.4866", 4, 308_874_866],
    ["12.5000", 4, 125_000],
    ["3", 0, 30_000],
    ["-0.25", 2, -2_500],
    ["0.0000", 4, 0],
    ["1e-3", 3, 10], // exponent notation: through toScaled
  ] as const)("%s: scale %s, × 10^4 = %s", (text, scale, at4) => {
    expect(textScale(text)).toBe(scale);
    expect(Number(scaledText(text, 4))).toBe(at4);
  });

  it("reads more than 15 digits exactly as a BigInt", () => {
    // 18 digits (numeric(18,4) at its largest) do not fit a double exactly
    expect(scaledText("99999999999999.9999", 4)).toBe(999_999_999_999_999_999n);
    expect(scaledText("12345678901234567", 1)).toBe(123_456_789_012_345_670n);
  });
});
