import { channels } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { checkNameFree, configOf, sealedSecret, withoutSecret } from "./shape";
import { ChannelInput } from "./schemas";

/**
 * Creates a channel. A webhook's signing secret is the one typed, or one generated here and returned this once as
 * `secret` (like an API key); it is stored encrypted and never read back to a page or written to the audit row.
 */
export async function createChannel({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(ChannelInput, input);
  const { sealed, generated } = sealedSecret(data, { generate: true });
  return withTransaction(ctx, async (tx) => {
    await checkNameFree(tx, data.name);
    const [created] = await tx
      .insert(channels)
      .values({
        name: data.name,
        kind: data.kind,
        config: configOf(data),
        secret: sealed ?? null,
        minSeverity: data.minSeverity,
        scopeKind: data.scopeKind,
        scopeValue: data.scopeValue,
        routeAll: data.routeAll,
        enabled: data.enabled,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
        updatedBy: ctx.actor.email,
      })
      .returning();
    const channel = withoutSecret(created!);
    await audit(tx, ctx, { action: "channel.create", entityType: "channel", entityId: channel.id, after: channel });
    return { channel, secret: generated ?? null };
  });
}
