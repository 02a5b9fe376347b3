"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createPowerBudget } from "@/lib/services/power-budgets/create";
import { deletePowerBudget } from "@/lib/services/power-budgets/delete";
import { updatePowerBudget } from "@/lib/services/power-budgets/update";
import { archiveSite, unarchiveSite } from "@/lib/services/sites/archive";
import { createSite } from "@/lib/services/sites/create";
import { updateSite } from "@/lib/services/sites/update";
import { formText } from "@/lib/validation/form-data";

const SITE_FIELDS = ["name", "providerId", "regionCode", "country", "pue"] as const;
const BUDGET_FIELDS = ["effectiveFrom", "effectiveTo", "contractedMw"] as const;

function fields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

function revalidateSite(id?: string) {
  revalidatePath("/sites");
  if (id) revalidatePath(`/sites/${id}`);
}

export async function createSiteAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createSite({ ctx, input: fields(form, SITE_FIELDS) });
    revalidateSite();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateSiteAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = {
      id: formText(form, "id"),
      version: formText(form, "version"),
      changes: changedFields(form, SITE_FIELDS),
    };
    const updated = await updateSite({ ctx, input });
    revalidateSite(updated.id);
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setSiteArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveSite : unarchiveSite;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidateSite(row.id);
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function createPowerBudgetAction(siteId: string, values: Record<string, string>): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createPowerBudget({ ctx, input: { ...pick(values, BUDGET_FIELDS), siteId } });
    revalidateSite(siteId);
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updatePowerBudgetAction(input: {
  id: string;
  version: number;
  changes: Record<string, string>;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const updated = await updatePowerBudget({ ctx, input: { ...input, changes: pick(input.changes, BUDGET_FIELDS) } });
    revalidateSite(updated.siteId);
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deletePowerBudgetAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const removed = await deletePowerBudget({ ctx, input });
    revalidateSite(removed.siteId);
    return { ok: true, data: { id: removed.id } };
  } catch (e) {
    return toActionError(e);
  }
}

function pick(values: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => typeof values?.[n] === "string").map((n) => [n, values[n]!]));
}
