"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveAllocationRule, unarchiveAllocationRule } from "@/lib/services/allocation-rules/archive";
import { createAllocationRule } from "@/lib/services/allocation-rules/create";
import { reorderAllocationRule } from "@/lib/services/allocation-rules/reorder";
import { updateAllocationRule } from "@/lib/services/allocation-rules/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "providerId",
  "serviceName",
  "skuId",
  "regionId",
  "subAccountId",
  "tagKey",
  "tagValue",
  "resourceIdPrefix",
  "workloadId",
  "notes",
] as const;

function revalidate() {
  revalidatePath("/allocation/rules");
  revalidatePath("/allocation");
}

export async function createAllocationRuleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input: Record<string, string | undefined> = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
    const position = formText(form, "position");
    if (position) input.position = position;
    const created = await createAllocationRule({ ctx, input });
    revalidate();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateAllocationRuleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const changes = Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
    const updated = await updateAllocationRule({ ctx, input: { id: formText(form, "id"), version: formText(form, "version"), changes } });
    revalidate();
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setAllocationRuleArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveAllocationRule : unarchiveAllocationRule;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidate();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function moveAllocationRuleAction(input: {
  id: string;
  version: number;
  direction: "up" | "down";
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const row = await reorderAllocationRule({ ctx, input });
    revalidate();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
