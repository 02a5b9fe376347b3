import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { formatBudgetValue } from "@/lib/format/budget";
import type { BudgetWarning } from "@/lib/queries/budgets";

const LINK = "underline";

/** The team budgets below the sum of their sub-teams' (a warning; the budgets were saved). */
export function HierarchyWarnings({ warnings }: { warnings: readonly BudgetWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div
      role="status"
      aria-label="Team budget warnings"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="flex items-center gap-2 font-medium">
        <TriangleAlert aria-hidden className="size-4" /> A team&apos;s budget is below the sum of its sub-teams&apos; budgets
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {warnings.map((w) => {
          const value = (v: { toFixed(): string }) => formatBudgetValue(v, w.unit, w.currency);
          return (
            <li key={w.parentBudgetId}>
              <Link href={`/budgets/${w.parentBudgetId}`} className={LINK}>
                {w.parentBudgetName}
              </Link>{" "}
              (team {w.parentTeamName}) is {value(w.amount)} per {w.periodKind}, less than its sub-teams&apos; {value(w.childrenSum)}:{" "}
              {w.children.map((c, i) => (
                <span key={c.budgetId}>
                  {i > 0 ? " + " : ""}
                  <Link href={`/budgets/${c.budgetId}`} className={LINK}>
                    {c.budgetName}
                  </Link>{" "}
                  ({c.teamName}) {value(c.amount)}
                </span>
              ))}
              .
            </li>
          );
        })}
      </ul>
    </div>
  );
}
