"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { savePlanAsScenario } from "@/lib/services/plan/save";

/** Saves the plan of these inputs (solved again on the server) as a scenario; needs scenarios.write. */
export async function savePlanAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await savePlanAsScenario({ ctx, input });
    revalidatePath("/scenarios");
    return { ok: true, data: { id: created.id, name: created.name } };
  } catch (e) {
    return toActionError(e);
  }
}
