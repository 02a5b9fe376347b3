import { generateApiKey } from "@/lib/auth/api-keys";
import { apiKeys } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { CreateApiKeyInput } from "./schemas";

/** Creates a key and returns it in clear this once; only its SHA-256 is stored, and the audit row has neither. */
export async function createApiKey({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "api_keys.manage");
  const data = parseInput(CreateApiKeyInput, input);
  const { key, prefix, keyHash } = generateApiKey();
  return withTransaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({ ...data, prefix, keyHash, createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null, updatedBy: ctx.actor.email })
      .returning();
    const { keyHash: _hidden, ...visible } = created!;
    await audit(tx, ctx, { action: "api_key.create", entityType: "api_key", entityId: visible.id, after: visible });
    return { key, apiKey: visible };
  });
}
