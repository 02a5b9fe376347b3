"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveProvider, unarchiveProvider } from "@/lib/services/providers/archive";
import { createProvider } from "@/lib/services/providers/create";
import { updateProvider } from "@/lib/services/providers/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "kind"] as const;

export async function createProviderAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createProvider({ ctx, input: Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) });
    revalidatePath("/settings/providers");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateProviderAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
    const updated = await updateProvider({
      ctx,
      input: { id: formText(form, "id"), version: formText(form, "version"), changes },
    });
    revalidatePath("/settings/providers");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setProviderArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveProvider : unarchiveProvider;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/settings/providers");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
