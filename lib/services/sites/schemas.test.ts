import { describe, expect, it } from "vitest";
import { isCountryCode } from "./schemas";

describe("isCountryCode", () => {
  it("accepts ISO 3166-1 alpha-2 countries", () => {
    for (const c of ["US", "SE", "NL", "JP", "XK"]) expect(isCountryCode(c)).toBe(true);
  });

  it("refuses lower case, three letters, unassigned and user-assigned codes", () => {
    for (const c of ["us", "USA", "ZZ", "XX", "QQ", "AA", "EU", "UN", ""]) expect(isCountryCode(c)).toBe(false);
  });
});
