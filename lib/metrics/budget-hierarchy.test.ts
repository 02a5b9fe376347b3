import { describe, expect, it } from "vitest";
import { teamBudgetWarnings, type TeamBudget } from "./budget-hierarchy";

// Research (R) has two sub-teams, Pre-training (P) and Inference (I); Scaling (S) sits under Pre-training.
const teams = [
  { id: "R", parentId: null },
  { id: "P", parentId: "R" },
  { id: "I", parentId: "R" },
  { id: "S", parentId: "P" },
];
const budget = (id: string, teamId: string, amount: string, more: Partial<TeamBudget> = {}): TeamBudget => ({
  id,
  name: `${id} budget`,
  teamId,
  unit: "h100e_h",
  periodKind: "month",
  currency: "USD",
  amount,
  activeFrom: "2026-01-01",
  activeTo: null,
  ...more,
});

describe("teamBudgetWarnings", () => {
  it("warns when a parent's budget is below the sum of its direct children's", () => {
    // R 1,000 < P 600 + I 500 = 1,100; P 600 < S 700; S is not R's direct child so it is not in R's sum.
    const w = teamBudgetWarnings(
      [budget("r", "R", "1000"), budget("p", "P", "600"), budget("i", "I", "500"), budget("s", "S", "700")],
      teams,
    );
    expect(w.map((x) => [x.parentBudgetId, x.amount.toFixed(), x.childrenSum.toFixed(), x.children.map((c) => c.budgetId)])).toEqual([
      ["p", "600", "700", ["s"]],
      ["r", "1000", "1100", ["i", "p"]],
    ]);
  });

  it("accepts a parent equal to its children's sum, and compares only like with like", () => {
    const w = teamBudgetWarnings(
      [
        budget("r", "R", "1100"),
        budget("p", "P", "600"),
        budget("i", "I", "500"),
        // none of these counts: another unit, another period kind, another currency, a range ended before R's start
        budget("m", "I", "9999", { unit: "ah" }),
        budget("q", "I", "9999", { periodKind: "quarter" }),
        budget("old", "P", "9999", { activeFrom: "2025-01-01", activeTo: "2026-01-01" }),
      ],
      teams,
    );
    expect(w).toEqual([]);
    const money = (id: string, teamId: string, amount: string, currency: string) => budget(id, teamId, amount, { unit: "money", currency });
    expect(teamBudgetWarnings([money("r", "R", "10", "USD"), money("p", "P", "20", "EUR")], teams)).toEqual([]);
    expect(teamBudgetWarnings([money("r", "R", "10", "USD"), money("p", "P", "20", "USD")], teams)).toHaveLength(1);
  });
});
