import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCount,
  formatDecimal,
  formatH100e,
  formatMoney,
  formatMoneyExact,
  formatMw,
  formatPercent,
  formatRate,
  formatMoneyDecimal,
} from "./number";

describe("number formats", () => {
  it("shortens money to three significant digits", () => {
    expect(formatMoney(4_200_000)).toBe("$4.2M");
    expect(formatMoney("312400.55")).toBe("$312K");
    expect(formatMoney(1_234_000_000)).toBe("$1.23B");
    expect(formatMoney(950)).toBe("$950");
    expect(formatMoney(999_999)).toBe("$1M");
    expect(formatMoney(1_200_000, "EUR")).toBe("€1.2M");
    expect(formatMoney(null)).toBe("—");
  });

  it("writes exact money to the cent", () => {
    expect(formatMoneyExact("1234567.891")).toBe("$1,234,567.89");
  });

  it("writes power in MW, switching to GW from 1,000 MW", () => {
    expect(formatMw(312.4)).toBe("312 MW");
    expect(formatMw("42.46")).toBe("42.5 MW");
    expect(formatMw(-3.25)).toBe("-3.25 MW");
    expect(formatMw(0.5)).toBe("0.5 MW");
    expect(formatMw(1200)).toBe("1.2 GW");
  });

  it("writes a ratio as a percentage with a space before the sign", () => {
    expect(formatPercent(0.7149)).toBe("71 %");
    expect(formatPercent("0.7149", 1)).toBe("71.5 %");
    expect(formatPercent(null)).toBe("—");
  });

  it("counts things with thousands separators and a plural", () => {
    expect(formatCount(1234, "GPU")).toBe("1,234 GPUs");
    expect(formatCount(1, "reservation")).toBe("1 reservation");
    expect(formatCount(0, "accelerator")).toBe("0 accelerators");
  });

  it("shortens H100-equivalents and other large numbers", () => {
    expect(formatH100e(12_345)).toBe("12.3K H100e");
    expect(formatH100e("850")).toBe("850 H100e");
    expect(formatCompact(4_210_000)).toBe("4.21M");
    expect(formatDecimal(-0.001, 1)).toBe("0");
  });

  it("shows rates with two to four decimals and the currency", () => {
    expect(formatRate("6", "USD")).toBe("6.00 USD");
    expect(formatRate("2.4567", "EUR")).toBe("2.4567 EUR");
    expect(formatRate("3.123456", "USD")).toBe("3.1235 USD");
    expect(formatRate(null, "USD")).toBe("—");
  });
});

describe("formatMoneyDecimal", () => {
  it("formats a decimal string to the cent without float rounding", () => {
    expect(formatMoneyDecimal("12345678901234.565")).toBe("$12,345,678,901,234.57");
    expect(formatMoneyDecimal("0.004")).toBe("$0.00");
    expect(formatMoneyDecimal("-1234.5")).toBe("-$1,234.50");
    expect(formatMoneyDecimal("99.995", "EUR")).toBe("€100.00");
    expect(formatMoneyDecimal(null)).toBe("—");
  });
});
