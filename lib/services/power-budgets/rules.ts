import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { powerBudgets, sites } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { formatMw } from "@/lib/format/number";
import { budgetPeriodIssue, type CreatePowerBudgetInput } from "./schemas";

export type PowerBudgetRow = typeof powerBudgets.$inferSelect;

function refuse(fields: string[], message: string): never {
  throw new ValidationError(message, Object.fromEntries(fields.map((f) => [f, [message]])));
}

function span(b: { effectiveFrom: string; effectiveTo: string | null }): string {
  return b.effectiveTo ? `${b.effectiveFrom} to ${b.effectiveTo}` : `${b.effectiveFrom} onwards`;
}

// Rules that need the database: the site exists (not archived, for a new step) and no other step of the
// same site overlaps [from, to). The site row is locked so two concurrent saves cannot both pass the check.
export async function checkPowerBudgetRules(tx: Executor, data: CreatePowerBudgetInput, existing?: PowerBudgetRow): Promise<void> {
  const period = budgetPeriodIssue(data);
  if (period) refuse(["effectiveTo"], period);
  const [site] = await tx.select().from(sites).where(eq(sites.id, data.siteId)).for("update");
  if (!site) refuse(["siteId"], "This site does not exist.");
  if (site.archivedAt && !existing) refuse(["siteId"], `${site.name} is archived; restore it before adding power budgets.`);
  const [clash] = await tx
    .select()
    .from(powerBudgets)
    .where(
      and(
        eq(powerBudgets.siteId, data.siteId),
        existing ? ne(powerBudgets.id, existing.id) : undefined,
        sql`${powerBudgets.effectiveFrom} < coalesce(${data.effectiveTo}::date, 'infinity'::date)`,
        sql`coalesce(${powerBudgets.effectiveTo}, 'infinity'::date) > ${data.effectiveFrom}::date`,
      ),
    )
    .orderBy(asc(powerBudgets.effectiveFrom))
    .limit(1);
  if (clash) {
    refuse(
      ["effectiveFrom", "effectiveTo"],
      `${site.name} already has a budget of ${formatMw(clash.contractedMw)} from ${span(clash)}; steps must not overlap in time.`,
    );
  }
}
