import { and, eq } from "drizzle-orm";
import { contracts } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkContractRules } from "./rules";
import { UpdateContractInput } from "./schemas";

export async function updateContract({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "contracts.write");
  const data = parseInput(UpdateContractInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(contracts).where(eq(contracts.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This contract no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "contract", id: before.id, label: `Contract ${before.name}` }, data.version, before);
    }
    await checkContractRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(contracts)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(contracts.id, data.id), eq(contracts.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "contract.update", entityType: "contract", entityId: before.id, before, after });
    return after!;
  });
}
