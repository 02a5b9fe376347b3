import { dec, Dec, sumDec, type DecimalValue } from "./decimal";

/** A team budget as the hierarchy check reads it (active ranges as YYYY-MM-DD, `activeTo` exclusive, null = open). */
export type TeamBudget = {
  id: string;
  name: string;
  teamId: string;
  unit: string;
  periodKind: string;
  currency: string;
  amount: DecimalValue;
  activeFrom: string;
  activeTo: string | null;
};

export type HierarchyWarning = {
  parentBudgetId: string;
  parentBudgetName: string;
  parentTeamId: string;
  amount: Dec;
  childrenSum: Dec;
  children: { budgetId: string; budgetName: string; teamId: string; amount: Dec }[];
};

const overlaps = (a: TeamBudget, b: TeamBudget) =>
  (a.activeTo === null || b.activeFrom < a.activeTo) && (b.activeTo === null || a.activeFrom < b.activeTo);

/** Same unit, period kind and (for money) currency, with overlapping active ranges: comparable amounts. */
function comparable(parent: TeamBudget, child: TeamBudget): boolean {
  return (
    parent.unit === child.unit &&
    parent.periodKind === child.periodKind &&
    (parent.unit !== "money" || parent.currency === child.currency) &&
    overlaps(parent, child)
  );
}

/**
 * The team hierarchy rule of budgets: a parent team's budget must be at least the sum of its direct children's
 * comparable budgets (same unit, period kind and currency, active ranges overlapping the parent's). One warning per
 * parent budget whose amount is below that sum, children listed by name. A warning, never a refusal.
 */
export function teamBudgetWarnings(
  budgets: readonly TeamBudget[],
  teams: readonly { id: string; parentId: string | null }[],
): HierarchyWarning[] {
  const parentOf = new Map(teams.map((t) => [t.id, t.parentId]));
  const warnings: HierarchyWarning[] = [];
  for (const parent of budgets) {
    const children = budgets
      .filter((c) => c.id !== parent.id && parentOf.get(c.teamId) === parent.teamId && comparable(parent, c))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (children.length === 0) continue;
    const childrenSum = sumDec(children.map((c) => c.amount));
    const amount = dec(parent.amount);
    if (amount.gte(childrenSum)) continue;
    warnings.push({
      parentBudgetId: parent.id,
      parentBudgetName: parent.name,
      parentTeamId: parent.teamId,
      amount,
      childrenSum,
      children: children.map((c) => ({ budgetId: c.id, budgetName: c.name, teamId: c.teamId, amount: new Dec(c.amount) })),
    });
  }
  return warnings.sort((a, b) => a.parentBudgetName.localeCompare(b.parentBudgetName));
}
