import { and, eq } from "drizzle-orm";
import { sites } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveSiteInput } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "sites.write");
  const data = parseInput(ArchiveSiteInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(sites).where(eq(sites.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This site no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "site", id: before.id, label: `Site ${before.name}` }, data.version, before);
    }
    if (archive === (before.archivedAt !== null)) {
      throw new ValidationError(archive ? "This site is already archived." : "This site is not archived.");
    }
    const [after] = await tx
      .update(sites)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(sites.id, data.id), eq(sites.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: archive ? "site.archive" : "site.unarchive", entityType: "site", entityId: before.id, before, after });
    return after!;
  });
}

/** Archives a site: it leaves lists, pickers and the power view, but keeps its budgets and reservations. */
export function archiveSite({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveSite({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
