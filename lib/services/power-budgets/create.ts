import type { Executor } from "@/lib/db/client";
import { powerBudgets } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkPowerBudgetRules } from "./rules";
import { CreatePowerBudgetInput } from "./schemas";

/** Applies the database rules (incl. no overlap), inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertPowerBudget(tx: Executor, ctx: Ctx, data: CreatePowerBudgetInput) {
  await checkPowerBudgetRules(tx, data);
  const [created] = await tx
    .insert(powerBudgets)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "power_budget.create", entityType: "power_budget", entityId: created!.id, after: created });
  return created!;
}

export async function createPowerBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "power_budgets.write");
  const data = parseInput(CreatePowerBudgetInput, input);
  return withTransaction(ctx, (tx) => insertPowerBudget(tx, ctx, data));
}
