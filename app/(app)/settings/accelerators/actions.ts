"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveAcceleratorType, unarchiveAcceleratorType } from "@/lib/services/accelerator-types/archive";
import { createAcceleratorType } from "@/lib/services/accelerator-types/create";
import { updateAcceleratorType } from "@/lib/services/accelerator-types/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "vendor", "family", "memoryGb", "bf16Tflops", "fp8Tflops", "tdpW", "systemW", "h100Equivalent"] as const;

export async function createAcceleratorTypeAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createAcceleratorType({ ctx, input: Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) });
    revalidatePath("/settings/accelerators");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateAcceleratorTypeAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes };
    const updated = await updateAcceleratorType({ ctx, input });
    revalidatePath("/settings/accelerators");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setAcceleratorTypeArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveAcceleratorType : unarchiveAcceleratorType;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/settings/accelerators");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
