import { and, eq } from "drizzle-orm";
import { providers } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveProviderInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(ArchiveProviderInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(providers).where(eq(providers.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This provider no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "provider", id: before.id, label: `Provider ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This provider is already archived." : "This provider is not archived.");
    }
    const [after] = await tx
      .update(providers)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(providers.id, data.id), eq(providers.version, data.version)))
      .returning();
    await audit(tx, ctx, {
      action: archive ? "provider.archive" : "provider.unarchive",
      entityType: "provider",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}

/** Archives a provider: no new sites, contracts or reservations can pick it; existing ones keep it. */
export function archiveProvider({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveProvider({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
