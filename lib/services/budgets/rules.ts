import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, budgets, providers } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import type { CreateBudgetInput } from "./schemas";

export type BudgetRow = typeof budgets.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/**
 * The budget as it would be saved, with the scope's unused target cleared (a lab budget has neither provider nor
 * family), after the rules that need the database: a unique active name, an existing active provider or a family
 * of the catalog for those scopes, and an end after the start. `existing` is the row before an edit.
 */
export async function checkBudgetRules(tx: Executor, data: CreateBudgetInput, existing?: BudgetRow): Promise<CreateBudgetInput> {
  const row: CreateBudgetInput = {
    name: data.name,
    scopeKind: data.scopeKind,
    periodKind: data.periodKind,
    amount: data.amount,
    currency: data.currency,
    actualThresholdPct: data.actualThresholdPct,
    forecastThresholdPct: data.forecastThresholdPct,
    activeFrom: data.activeFrom,
    activeTo: data.activeTo,
    providerId: data.scopeKind === "provider" ? data.providerId : null,
    family: data.scopeKind === "family" ? data.family : null,
  };
  const [clash] = await tx
    .select({ name: budgets.name })
    .from(budgets)
    .where(
      and(sql`lower(${budgets.name}) = lower(${row.name})`, isNull(budgets.archivedAt), existing ? ne(budgets.id, existing.id) : undefined),
    );
  if (clash) refuse("name", `A budget named ${clash.name} already exists.`);
  if (row.scopeKind === "provider") {
    if (!row.providerId) refuse("providerId", "Choose a provider for a provider budget.");
    const [p] = await tx.select().from(providers).where(eq(providers.id, row.providerId));
    if (!p) refuse("providerId", "This provider does not exist.");
    if (p.archivedAt && p.id !== existing?.providerId) refuse("providerId", `${p.name} is archived; choose another provider.`);
  }
  if (row.scopeKind === "family") {
    if (!row.family) refuse("family", "Choose an accelerator family for a family budget.");
    const [t] = await tx
      .select({ family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(eq(acceleratorTypes.family, row.family))
      .limit(1);
    if (!t) refuse("family", `No accelerator type has the family ${row.family}.`);
  }
  if (row.activeTo && row.activeTo <= row.activeFrom) refuse("activeTo", "The end date must be after the start date.");
  return row;
}
