"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveOffer, unarchiveOffer } from "@/lib/services/offers/archive";
import { createOffer } from "@/lib/services/offers/create";
import { updateOffer } from "@/lib/services/offers/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "providerId",
  "siteId",
  "region",
  "acceleratorTypeId",
  "pricingModel",
  "termMonths",
  "rate",
  "currency",
  "capexPerAccelerator",
  "facilityCapexPerW",
  "depreciationYears",
  "powerPerMwh",
  "opexPerAh",
  "minQuantity",
  "maxQuantity",
  "step",
  "leadTimeDays",
  "validFrom",
  "validUntil",
  "source",
  "note",
] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

export async function createOfferAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createOffer({ ctx, input: fields(form) });
    revalidatePath("/offers");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateOfferAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateOffer({ ctx, input });
    revalidatePath("/offers");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setOfferArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveOffer : unarchiveOffer;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/offers");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
