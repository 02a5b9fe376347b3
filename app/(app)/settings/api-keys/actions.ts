"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createApiKey } from "@/lib/services/api-keys/create";
import { revokeApiKey } from "@/lib/services/api-keys/revoke";

/** Creates a key; the clear key travels back once, in this response only. */
export async function createApiKeyAction(input: {
  name: string;
  role: string;
}): Promise<ActionResult<{ id: string; key: string; prefix: string }>> {
  try {
    const ctx = await requireActionCtx();
    const { key, apiKey } = await createApiKey({ ctx, input });
    revalidatePath("/settings/api-keys");
    return { ok: true, data: { id: apiKey.id, key, prefix: apiKey.prefix } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function revokeApiKeyAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const revoked = await revokeApiKey({ ctx, input });
    revalidatePath("/settings/api-keys");
    return { ok: true, data: { id: revoked.id } };
  } catch (e) {
    return toActionError(e);
  }
}
