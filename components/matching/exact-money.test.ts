import { describe, expect, it } from "vitest";
import { formatExactMoney } from "./exact-money";

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
