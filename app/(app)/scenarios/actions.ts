"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveScenario, unarchiveScenario } from "@/lib/services/scenarios/archive";
import { createScenario } from "@/lib/services/scenarios/create";
import { updateScenario } from "@/lib/services/scenarios/update";

// The scenario form sends structured input (lists of overrides), so these actions take it as is; the verbs parse it.

export async function createScenarioAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createScenario({ ctx, input });
    revalidatePath("/scenarios");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateScenarioAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const updated = await updateScenario({ ctx, input });
    revalidatePath("/scenarios");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setScenarioArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveScenario : unarchiveScenario;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/scenarios");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
