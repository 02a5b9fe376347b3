import { and, eq } from "drizzle-orm";
import { apiKeys } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { RevokeApiKeyInput } from "./schemas";

/** Revokes a key at once: `apiKeyCtx` reads the row on every request, so the next call with it is refused. */
export async function revokeApiKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "api_keys.manage");
  const data = parseInput(RevokeApiKeyInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, data.id)).for("update");
    if (!row) throw new NotFoundError("This API key no longer exists.");
    const { keyHash: _b, ...before } = row;
    if (before.revokedAt) throw new ValidationError(`The key ${before.name} is already revoked.`);
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "api_key", id: before.id, label: `API key ${before.name}` }, data.version, before);
    }
    const [updated] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(apiKeys.id, data.id), eq(apiKeys.version, data.version)))
      .returning();
    const { keyHash: _a, ...after } = updated!;
    await audit(tx, ctx, { action: "api_key.revoke", entityType: "api_key", entityId: before.id, before, after });
    return after;
  });
}
