import { and, eq, isNull } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { Executor } from "@/lib/db/client";
import { budgets, teams } from "@/lib/db/schema";
import { teamBudgetWarnings, type HierarchyWarning, type TeamBudget } from "@/lib/metrics/budget-hierarchy";

export type BudgetWarning = Omit<HierarchyWarning, "children"> & {
  parentTeamName: string;
  unit: string;
  currency: string;
  periodKind: string;
  children: (HierarchyWarning["children"][number] & { teamName: string })[];
};

/** The team hierarchy warnings among the active (not archived) team budgets, read inside any executor. */
export async function budgetWarningsIn(db: Executor): Promise<BudgetWarning[]> {
  const [rows, teamRows] = await Promise.all([
    db
      .select({
        id: budgets.id,
        name: budgets.name,
        teamId: budgets.teamId,
        unit: budgets.unit,
        periodKind: budgets.periodKind,
        currency: budgets.currency,
        amount: budgets.amount,
        activeFrom: budgets.activeFrom,
        activeTo: budgets.activeTo,
      })
      .from(budgets)
      .where(and(eq(budgets.scopeKind, "team"), isNull(budgets.archivedAt))),
    db.select({ id: teams.id, name: teams.name, parentId: teams.parentId }).from(teams),
  ]);
  const list: TeamBudget[] = rows.flatMap((r) => (r.teamId ? [{ ...r, teamId: r.teamId }] : []));
  const byId = new Map(list.map((b) => [b.id, b]));
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  return teamBudgetWarnings(list, teamRows).map((w) => {
    const parent = byId.get(w.parentBudgetId)!;
    return {
      ...w,
      parentTeamName: teamName.get(w.parentTeamId) ?? "",
      unit: parent.unit,
      currency: parent.currency,
      periodKind: parent.periodKind,
      children: w.children.map((c) => ({ ...c, teamName: teamName.get(c.teamId) ?? "" })),
    };
  });
}

export async function getBudgetWarnings(ctx: Ctx): Promise<BudgetWarning[]> {
  requirePermission(ctx, "app.read");
  return budgetWarningsIn(ctx.db);
}
