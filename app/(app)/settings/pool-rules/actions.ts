"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/context";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { setPoolRule } from "@/lib/services/pool-rules/set";
import { formText } from "@/lib/validation/form-data";

// Checks pool_rules.write before anything else; the verb checks it again.
export async function setPoolRuleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ family: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "pool_rules.write");
    const saved = await setPoolRule({
      ctx,
      input: { family: formText(form, "family"), kind: formText(form, "kind"), teamId: formText(form, "teamId") },
    });
    revalidatePath("/settings/pool-rules");
    revalidatePath("/allocation", "layout");
    return { ok: true, data: { family: saved.family } };
  } catch (e) {
    return toActionError(e);
  }
}
