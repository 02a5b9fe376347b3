import { and, eq } from "drizzle-orm";
import { channels } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { withoutSecret } from "./shape";
import { ChannelRef } from "./schemas";

/** Archives a channel: it takes no more alerts and its pending messages fail at their next attempt. */
export async function archiveChannel({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(ChannelRef, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(channels).where(eq(channels.id, data.id)).for("update");
    if (!row) throw new NotFoundError("This channel no longer exists.");
    const before = withoutSecret(row);
    if (row.version !== data.version) {
      throw await staleEditConflict(tx, { type: "channel", id: row.id, label: `Channel ${row.name}` }, data.version, before);
    }
    if (row.archivedAt) throw new ValidationError("This channel is already archived.");
    const [updated] = await tx
      .update(channels)
      .set({ archivedAt: new Date(), enabled: false, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(channels.id, data.id), eq(channels.version, data.version)))
      .returning();
    const after = withoutSecret(updated!);
    await audit(tx, ctx, { action: "channel.archive", entityType: "channel", entityId: row.id, before, after });
    return after;
  });
}
