import { and, eq } from "drizzle-orm";
import { offers } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { checkOfferRules } from "./rules";
import { UpdateOfferInput } from "./schemas";

export async function updateOffer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "offers.write");
  const data = parseInput(UpdateOfferInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(offers).where(eq(offers.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This offer no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "offer", id: before.id, label: "This offer" }, data.version, before);
    }
    const values = await checkOfferRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(offers)
      .set({ ...data.changes, rate: values.rate, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(offers.id, data.id), eq(offers.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "offer.update", entityType: "offer", entityId: before.id, before, after });
    return after!;
  });
}
