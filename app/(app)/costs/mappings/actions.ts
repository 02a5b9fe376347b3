"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveContractMapping, unarchiveContractMapping } from "@/lib/services/contract-mappings/archive";
import { createContractMapping } from "@/lib/services/contract-mappings/create";
import { CONTRACT_MAPPING_FIELDS } from "@/lib/services/contract-mappings/schemas";
import { formText } from "@/lib/validation/form-data";

function revalidate() {
  revalidatePath("/costs/mappings");
  revalidatePath("/costs/unmatched");
  revalidatePath("/contracts", "layout");
}

export async function createContractMappingAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const fields = ["providerId", "contractId", ...CONTRACT_MAPPING_FIELDS] as const;
    const created = await createContractMapping({ ctx, input: Object.fromEntries(fields.map((f) => [f, formText(form, f)])) });
    revalidate();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setContractMappingArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveContractMapping : unarchiveContractMapping;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidate();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
