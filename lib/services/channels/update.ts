import { and, eq } from "drizzle-orm";
import { channels } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { staleEditConflict } from "../stale-edit";
import { checkNameFree, configOf, sealedSecret, withoutSecret } from "./shape";
import { ChannelInput, ChannelRef } from "./schemas";

/** Edits a channel. A blank secret (or Slack/Teams URL) keeps the stored one unless the kind changed. */
export async function updateChannel({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "channels.manage");
  const ref = parseInput(ChannelRef, input);
  const data = parseInput(ChannelInput, input);
  const { sealed } = sealedSecret(data, { generate: false });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(channels).where(eq(channels.id, ref.id)).for("update");
    if (!row) throw new NotFoundError("This channel no longer exists.");
    const before = withoutSecret(row);
    if (row.version !== ref.version) {
      throw await staleEditConflict(tx, { type: "channel", id: row.id, label: `Channel ${row.name}` }, ref.version, before);
    }
    if (row.archivedAt) throw new ValidationError("This channel is archived.");
    if (sealed === undefined && row.kind !== data.kind) {
      const what = data.kind === "webhook" ? "a signing secret" : "the incoming-webhook URL";
      throw new ValidationError(`The kind changed: enter ${what}.`, { [data.kind === "webhook" ? "secret" : "url"]: [`Enter ${what}.`] });
    }
    await checkNameFree(tx, data.name, row.id);
    const keepConfig = (data.kind === "slack" || data.kind === "teams") && !data.url;
    const [updated] = await tx
      .update(channels)
      .set({
        name: data.name,
        kind: data.kind,
        config: keepConfig ? row.config : configOf(data),
        ...(sealed !== undefined ? { secret: sealed } : {}),
        minSeverity: data.minSeverity,
        scopeKind: data.scopeKind,
        scopeValue: data.scopeValue,
        routeAll: data.routeAll,
        enabled: data.enabled,
        version: ref.version + 1,
        updatedAt: new Date(),
        updatedBy: ctx.actor.email,
      })
      .where(and(eq(channels.id, ref.id), eq(channels.version, ref.version)))
      .returning();
    const after = withoutSecret(updated!);
    await audit(tx, ctx, {
      action: "channel.update",
      entityType: "channel",
      entityId: row.id,
      before,
      after: { ...after, ...(sealed && data.kind !== "email" ? { secretReplaced: true } : {}) },
    });
    return after;
  });
}
