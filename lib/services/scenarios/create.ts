import { scenarios } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkScenarioRules } from "./rules";
import { CreateScenarioInput } from "./schemas";

/** Creates a scenario from the baseline with its overrides; the registers are never written. */
export async function createScenario({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "scenarios.write");
  const data = parseInput(CreateScenarioInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkScenarioRules(tx, data);
    const [created] = await tx
      .insert(scenarios)
      .values({ ...data, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "scenario.create", entityType: "scenario", entityId: created!.id, after: created });
    return created!;
  });
}
