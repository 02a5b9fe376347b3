"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/context";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveTeam, unarchiveTeam } from "@/lib/services/teams/archive";
import { createTeam } from "@/lib/services/teams/create";
import { updateTeam } from "@/lib/services/teams/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "costCentre", "parentId"] as const;

function fields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
}

// An edit sends only the fields the user changed (each form field carries its initial value alongside).
function changedFields(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.filter((f) => form.get(f) !== form.get(`initial:${f}`)).map((f) => [f, formText(form, f)]));
}

function revalidateTeams() {
  revalidatePath("/allocation/teams", "layout");
}

// Each action checks allocation.write before anything else, and its verb checks it again.
export async function createTeamAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const created = await createTeam({ ctx, input: fields(form) });
    revalidateTeams();
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateTeamAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const input = { id: formText(form, "id"), version: formText(form, "version"), changes: changedFields(form) };
    const updated = await updateTeam({ ctx, input });
    revalidateTeams();
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setTeamArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "allocation.write");
    const verb = input.archived ? archiveTeam : unarchiveTeam;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidateTeams();
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
