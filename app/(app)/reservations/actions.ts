"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveReservation, unarchiveReservation } from "@/lib/services/reservations/archive";
import { createReservation } from "@/lib/services/reservations/create";
import { updateReservation } from "@/lib/services/reservations/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "name",
  "providerId",
  "siteId",
  "acceleratorTypeId",
  "contractId",
  "quantity",
  "startAt",
  "endAt",
  "pricingModel",
  "rate",
  "currency",
  "status",
  "deliveryDate",
  "capacityReservationId",
] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

export async function createReservationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createReservation({ ctx, input: fields(form) });
    revalidatePath("/reservations");
    revalidatePath("/contracts");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateReservationAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateReservation({ ctx, input });
    revalidatePath("/reservations");
    revalidatePath("/contracts");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setReservationArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveReservation : unarchiveReservation;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/reservations");
    revalidatePath("/contracts");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
