import { and, eq } from "drizzle-orm";
import { connectors } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { withoutCredentials } from "./config";
import { ConnectorRef } from "./schemas";

async function setArchived(ctx: Ctx, input: unknown, archive: boolean) {
  requirePermission(ctx, "connectors.manage");
  const data = parseInput(ConnectorRef, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(connectors).where(eq(connectors.id, data.id)).for("update");
    if (!row) throw new NotFoundError("This connector no longer exists.");
    const before = withoutCredentials(row);
    if (row.version !== data.version) {
      throw await staleEditConflict(tx, { type: "connector", id: row.id, label: `Connector ${row.name}` }, data.version, before);
    }
    if (archive === (row.archivedAt !== null)) {
      throw new ValidationError(archive ? "This connector is already archived." : "This connector is not archived.");
    }
    const [updated] = await tx
      .update(connectors)
      .set({ archivedAt: archive ? new Date() : null, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(connectors.id, data.id), eq(connectors.version, data.version)))
      .returning();
    const after = withoutCredentials(updated!);
    await audit(tx, ctx, {
      action: archive ? "connector.archive" : "connector.unarchive",
      entityType: "connector",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Archives a connector: it no longer runs on its schedule; its history stays. */
export function archiveConnector({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, true);
}

export function unarchiveConnector({ ctx, input }: { ctx: Ctx; input: unknown }) {
  return setArchived(ctx, input, false);
}
