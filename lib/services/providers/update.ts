import { and, eq } from "drizzle-orm";
import { providers } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkProviderName } from "./rules";
import { UpdateProviderInput } from "./schemas";

export async function updateProvider({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(UpdateProviderInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(providers).where(eq(providers.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This provider no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "provider", id: before.id, label: `Provider ${before.name}` }, data.version, before);
    }
    if (data.changes.name !== undefined) await checkProviderName(tx, data.changes.name, before.id);
    const [after] = await tx
      .update(providers)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(providers.id, data.id), eq(providers.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "provider.update", entityType: "provider", entityId: before.id, before, after });
    return after!;
  });
}
