"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/context";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveWorkload, unarchiveWorkload } from "@/lib/services/workloads/archive";
import { createWorkload } from "@/lib/services/workloads/create";
import { updateWorkload } from "@/lib/services/workloads/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "kind", "teamId", "activeFrom", "activeTo", "salePrice", "currency", "notes"] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

function revalidateWorkloads() {
  revalidatePath("/allocation/workloads", "layout");
}

// Each action checks allocation.write before anything else, and its verb checks it again.
export async function createWorkloadAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const created = await createWorkload({ ctx, input: fields(form) });
    revalidateWorkloads();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateWorkloadAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateWorkload({ ctx, input });
    revalidateWorkloads();
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setWorkloadArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const verb = input.archived ? archiveWorkload : unarchiveWorkload;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidateWorkloads();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
