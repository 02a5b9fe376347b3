"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/errors";
import { archiveBudget, unarchiveBudget } from "@/lib/services/budgets/archive";
import { createBudget } from "@/lib/services/budgets/create";
import { updateBudget } from "@/lib/services/budgets/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "name",
  "scopeKind",
  "providerId",
  "family",
  "teamId",
  "workloadId",
  "contractId",
  "unit",
  "periodKind",
  "amount",
  "currency",
  "actualThresholdPct",
  "forecastThresholdPct",
  "activeFrom",
  "activeTo",
] as const;

// A field the form does not show (the provider of a lab budget) is sent empty; the verb clears what the scope does not use.
function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(
    FIELDS.filter((f) => form.has(f) && form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]),
  );
}

function revalidateBudgets() {
  revalidatePath("/budgets", "layout");
}

// Each action checks budgets.write before anything else, and its verb checks it again.
export async function createBudgetAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "budgets.write",
    async (ctx) => {
      const created = await createBudget({ ctx, input: fields(form) });
      return { id: created.id };
    },
    () => revalidateBudgets(),
  );
}

export async function updateBudgetAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "budgets.write",
    async (ctx) => {
      const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
      const updated = await updateBudget({ ctx, input });
      return { id: updated.id };
    },
    () => revalidateBudgets(),
  );
}

export async function setBudgetArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "budgets.write",
    async (ctx) => {
      const verb = input.archived ? archiveBudget : unarchiveBudget;
      const row = await verb({ ctx, input: { id: input.id, version: input.version } });
      return { id: row.id };
    },
    () => revalidateBudgets(),
  );
}
