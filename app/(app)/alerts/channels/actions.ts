"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/errors";
import { archiveChannel } from "@/lib/services/channels/archive";
import { createChannel } from "@/lib/services/channels/create";
import { testChannel } from "@/lib/services/channels/test";
import { updateChannel } from "@/lib/services/channels/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "kind", "recipients", "url", "secret", "minSeverity", "routeAll", "enabled"] as const;

// The scope picker sends "kind:value" (or nothing for any).
function inputOf(form: FormData) {
  const scope = formText(form, "scope");
  const at = scope.indexOf(":");
  return {
    ...Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])),
    scopeKind: at > 0 ? scope.slice(0, at) : null,
    scopeValue: at > 0 ? scope.slice(at + 1) : null,
  };
}

/** Returns a generated webhook secret this once; it is stored encrypted and cannot be shown again. */
export async function createChannelAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; secret: string | null }>> {
  return runAction(
    "channels.manage",
    async (ctx) => {
      const { channel, secret } = await createChannel({ ctx, input: inputOf(form) });
      return { id: channel.id, secret };
    },
    () => revalidatePath("/alerts/channels"),
  );
}

export async function updateChannelAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string; secret: string | null }>> {
  return runAction(
    "channels.manage",
    async (ctx) => {
      const updated = await updateChannel({
        ctx,
        input: { ...inputOf(form), id: formText(form, "id"), version: formText(form, "version") },
      });
      return { id: updated.id, secret: null };
    },
    () => revalidatePath("/alerts/channels"),
  );
}

export async function archiveChannelAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "channels.manage",
    async (ctx) => {
      const row = await archiveChannel({ ctx, input });
      return { id: row.id };
    },
    () => revalidatePath("/alerts/channels"),
  );
}

export async function testChannelAction(input: {
  id: string;
}): Promise<ActionResult<{ ok: boolean; statusCode: number | null; error: string | null }>> {
  return runAction(
    "channels.manage",
    async (ctx) => {
      const result = await testChannel({ ctx, input });
      return { ok: result.ok, statusCode: result.statusCode, error: result.error };
    },
    () => revalidatePath(`/alerts/channels/${input.id}`),
  );
}
