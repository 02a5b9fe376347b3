import { and, desc, eq } from "drizzle-orm";
import { channels, notificationDeliveries, notifications } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { deliverPending } from "@/lib/notify/deliver";
import { testPayload } from "@/lib/notify/render";
import { audit } from "../audit";
import { ChannelId } from "./schemas";

/**
 * Sends a test message to a channel now, through the deliverer (logged like any attempt; retried like any on failure),
 * and returns the first attempt's outcome.
 */
export async function testChannel({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }) {
  requirePermission(ctx, "channels.manage");
  const { id } = parseInput(ChannelId, input);
  const notificationId = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(channels).where(eq(channels.id, id));
    if (!row) throw new NotFoundError("This channel no longer exists.");
    if (row.archivedAt) throw new ValidationError("This channel is archived.");
    const [created] = await tx
      .insert(notifications)
      .values({
        channelId: id,
        kind: "test",
        subject: `Headroom test message for ${row.name}`,
        payload: testPayload(row.name, now),
        nextAttemptAt: now,
      })
      .returning({ id: notifications.id });
    await audit(tx, ctx, { action: "channel.test", entityType: "channel", entityId: id, after: { notificationId: created!.id } });
    return created!.id;
  });
  await deliverPending(ctx.db, { now, ids: [notificationId] });
  const [attempt] = await ctx.db
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.notificationId, notificationId)))
    .orderBy(desc(notificationDeliveries.id))
    .limit(1);
  return { notificationId, ok: attempt?.ok ?? false, statusCode: attempt?.statusCode ?? null, error: attempt?.error ?? null };
}
