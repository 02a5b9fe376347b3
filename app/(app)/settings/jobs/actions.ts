"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { runJobNow } from "@/lib/services/jobs/run-now";

/** Runs a job now in this request and returns its outcome (the page then shows it in the job's history). */
export async function runJobNowAction(input: {
  name: string;
}): Promise<ActionResult<{ status: "succeeded" | "failed"; result: string | null; error: string | null }>> {
  try {
    const ctx = await requireActionCtx();
    const outcome = await runJobNow({ ctx, input: { name: input.name } });
    revalidatePath("/settings/jobs");
    return { ok: true, data: { status: outcome.status, result: outcome.result, error: outcome.error } };
  } catch (e) {
    return toActionError(e);
  }
}
