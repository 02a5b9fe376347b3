import { describe, expect, it } from "vitest";
import { formatCentsMoney, formatExactMoney } from "./exact-money";

describe("formatExactMoney", () => {
  it("keeps every significant decimal and groups thousands", () => {
    expect(formatExactMoney("1234567.0000008000", "USD")).toBe("1,234,567.0000008 USD");
    expect(formatExactMoney("12.5000000000", "EUR")).toBe("12.50 EUR");
    expect(formatExactMoney("0", "USD")).toBe("0.00 USD");
  });

  it("shows credits with a minus sign", () => {
    expect(formatExactMoney("-1500.25", "USD")).toBe("−1,500.25 USD");
  });
});

describe("formatCentsMoney", () => {
  it("rounds the exact sum half-up to the cent, never through a float", () => {
    // 1,600,448.8325141858 → .83 (third decimal 2 rounds down); 0.005 → 0.01 (half up); 2.675 → 2.68 (a float would give 2.67).
    expect(formatCentsMoney("1600448.8325141858", "USD")).toBe("1,600,448.83 USD");
    expect(formatCentsMoney("0.005", "USD")).toBe("0.01 USD");
    expect(formatCentsMoney("2.675", "EUR")).toBe("2.68 EUR");
    expect(formatCentsMoney("-1500.255", "USD")).toBe("−1,500.26 USD");
    expect(formatCentsMoney("30.7500000000", "USD")).toBe("30.75 USD");
  });
});
