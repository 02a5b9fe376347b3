"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveContract, unarchiveContract } from "@/lib/services/contracts/archive";
import { createContract } from "@/lib/services/contracts/create";
import { updateContract } from "@/lib/services/contracts/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "providerId",
  "name",
  "reference",
  "startDate",
  "endDate",
  "committedAmount",
  "currency",
  "discountPct",
  "paymentTerms",
  "status",
  "notes",
] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

export async function createContractAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createContract({ ctx, input: fields(form) });
    revalidatePath("/contracts");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateContractAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateContract({ ctx, input });
    revalidatePath("/contracts");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setContractArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveContract : unarchiveContract;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/contracts");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
