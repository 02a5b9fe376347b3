import { and, eq } from "drizzle-orm";
import { sites } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { repriceBuildOffers } from "../offers/reprice";
import { staleEditConflict } from "../stale-edit";
import { checkSiteRules } from "./rules";
import { UpdateSiteInput } from "./schemas";

export async function updateSite({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "sites.write");
  const data = parseInput(UpdateSiteInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This site no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "site", id: before.id, label: `Site ${before.name}` }, data.version, before);
    }
    await checkSiteRules(tx, { ...before, ...data.changes }, before);
    const [after] = await tx
      .update(sites)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(sites.id, data.id), eq(sites.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "site.update", entityType: "site", entityId: before.id, before, after });
    if (after!.pue !== before.pue) await repriceBuildOffers(tx, ctx, { siteId: before.id });
    return after!;
  });
}
