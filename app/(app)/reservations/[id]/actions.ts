"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveAllocation } from "@/lib/services/allocations/archive";
import { createAllocation } from "@/lib/services/allocations/create";
import { updateAllocation } from "@/lib/services/allocations/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["workloadId", "quantity", "startAt", "endAt", "notes"] as const;

function revalidate(reservationId: string) {
  revalidatePath(`/reservations/${reservationId}`);
  revalidatePath("/allocation", "layout");
}

export async function createAllocationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { reservationId: formText(form, "reservationId"), ...Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) };
    const created = await createAllocation({ ctx, input });
    revalidate(created.reservationId);
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateAllocationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
    const updated = await updateAllocation({ ctx, input: { id: formText(form, "id"), version: formText(form, "version"), changes } });
    revalidate(updated.reservationId);
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function removeAllocationAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const removed = await archiveAllocation({ ctx, input });
    revalidate(removed.reservationId);
    return { ok: true, data: { id: removed.id } };
  } catch (e) {
    return toActionError(e);
  }
}
