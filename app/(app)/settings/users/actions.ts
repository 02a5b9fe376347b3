"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create";
import { updateUser } from "@/lib/services/users/update";
import { formText } from "@/lib/validation/form-data";

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const password = formText(form, "password");
    const input = {
      email: formText(form, "email"),
      name: formText(form, "name"),
      role: formText(form, "role"),
      ...(password ? { password } : {}),
    };
    const created = await createUser({ ctx, input });
    revalidatePath("/settings/users");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(
      (["name", "role"] as const).filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]),
    );
    const updated = await updateUser({
      ctx,
      input: { id: formText(form, "id"), version: formText(form, "version"), changes },
    });
    revalidatePath("/settings/users");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setUserDisabledAction(input: {
  id: string;
  version: number;
  disabled: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const updated = await updateUser({ ctx, input: { id: input.id, version: input.version, changes: { disabled: input.disabled } } });
    revalidatePath("/settings/users");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}
