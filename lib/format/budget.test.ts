import { describe, expect, it } from "vitest";
import { budgetScopeLabel, formatBudgetValue } from "./budget";

describe("formatBudgetValue", () => {
  it("formats money with its currency and use with its unit, grouped and exact", () => {
    expect(formatBudgetValue("1234.5", "money", "USD")).toBe("$1,234.50");
    expect(formatBudgetValue("1234.4", "ah", "USD")).toBe("1,234 AH");
    expect(formatBudgetValue("2976", "h100e_h", "USD")).toBe("2,976 H100e·h");
    expect(formatBudgetValue(null, "ah", "USD")).toBe("—");
  });
});

describe("budgetScopeLabel", () => {
  it("names the scope by its kind and target", () => {
    const none = { providerName: null, family: null, teamName: null, workloadName: null, contractName: null };
    expect(budgetScopeLabel({ ...none, scopeKind: "lab" })).toBe("Whole lab");
    expect(budgetScopeLabel({ ...none, scopeKind: "team", teamName: "Research" })).toBe("Team Research");
    expect(budgetScopeLabel({ ...none, scopeKind: "contract", contractName: "MACC" })).toBe("Contract MACC");
  });
});
