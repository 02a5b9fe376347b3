import { budgets } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkBudgetRules } from "./rules";
import { CreateBudgetInput } from "./schemas";

export async function createBudget({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "budgets.write");
  const data = parseInput(CreateBudgetInput, input);
  return withTransaction(ctx, async (tx) => {
    const row = await checkBudgetRules(tx, data);
    const [created] = await tx
      .insert(budgets)
      .values({ ...row, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "budget.create", entityType: "budget", entityId: created!.id, after: created });
    return created!;
  });
}
