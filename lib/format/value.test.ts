import { describe, expect, it } from "vitest";
import { formatTick, formatValue } from "./value";

describe("formatValue", () => {
  it("formats each chart unit", () => {
    expect(formatValue("usd", 4_200_000)).toBe("$4.2M");
    expect(formatValue("percent", 71.2)).toBe("71 %");
    expect(formatValue("mw", -0.25)).toBe("-0.25 MW");
    expect(formatValue("h100e", 12_345)).toBe("12.3K H100e");
    expect(formatValue("accelerators", 1234)).toBe("1,234 accelerators");
    expect(formatValue("usd", null)).toBe("—");
  });

  it("keeps axis ticks short", () => {
    expect(formatTick("h100e", 12_345)).toBe("12.3K");
    expect(formatTick("mw", 12)).toBe("12 MW");
  });
});
