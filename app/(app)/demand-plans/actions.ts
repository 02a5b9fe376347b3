"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveDemandPlan, unarchiveDemandPlan } from "@/lib/services/demand-plans/archive";
import { createDemandPlan } from "@/lib/services/demand-plans/create";
import { updateDemandPlan } from "@/lib/services/demand-plans/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "name",
  "kind",
  "workloadId",
  "scenarioId",
  "acceleratorFamily",
  "acceleratorTypeId",
  "accelerators",
  "h100Equivalents",
  "startDate",
  "endDate",
  "priority",
  "notes",
] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

export async function createDemandPlanAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createDemandPlan({ ctx, input: fields(form) });
    revalidatePath("/demand-plans");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateDemandPlanAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateDemandPlan({ ctx, input });
    revalidatePath("/demand-plans");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setDemandPlanArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveDemandPlan : unarchiveDemandPlan;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/demand-plans");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
