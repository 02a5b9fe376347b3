import { parseMonth } from "@/lib/queries/filters/params";
import type { RawSearchParams } from "@/lib/queries/lists/params";

/** The budgets list's URL state: the month whose periods it shows (`at`, YYYY-MM; this month by default), and archived ones or not. */
export type BudgetListParams = { at: Date | null; archived: boolean };

export function parseBudgetListParams(raw: RawSearchParams | URLSearchParams): BudgetListParams {
  const get = (k: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(k) : raw[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return { at: parseMonth(get("at")), archived: get("archived") === "1" };
}
