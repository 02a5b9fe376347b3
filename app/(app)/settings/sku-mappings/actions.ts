"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveSkuMapping, unarchiveSkuMapping } from "@/lib/services/sku-mappings/archive";
import { createSkuMapping } from "@/lib/services/sku-mappings/create";
import { updateSkuMapping } from "@/lib/services/sku-mappings/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["providerId", "skuId", "regionId", "acceleratorTypeId", "acceleratorsPerUnit"] as const;

function revalidate() {
  revalidatePath("/settings/sku-mappings");
  revalidatePath("/costs/unmatched");
}

export async function createSkuMappingAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createSkuMapping({ ctx, input: Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) });
    revalidate();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateSkuMappingAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
    const updated = await updateSkuMapping({
      ctx,
      input: { id: formText(form, "id"), version: formText(form, "version"), changes },
    });
    revalidate();
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setSkuMappingArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveSkuMapping : unarchiveSkuMapping;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidate();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
