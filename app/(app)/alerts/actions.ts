"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/context";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { acknowledgeAlert } from "@/lib/services/alerts/acknowledge";
import type { EvaluateNowResult } from "@/lib/alerts/types";
import { evaluateAlertsNow } from "@/lib/services/alerts/evaluate-now";
import { deliveryText } from "@/lib/notify/deliver";
import { resolveAlert } from "@/lib/services/alerts/resolve";

// Each action checks its permission before anything else, and its verb checks it again.
export async function acknowledgeAlertAction(id: string): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "alerts.ack");
    await acknowledgeAlert({ ctx, input: { id } });
    revalidatePath("/alerts", "layout");
    return { ok: true, data: { id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function resolveAlertAction(id: string): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "alerts.write");
    await resolveAlert({ ctx, input: { id } });
    revalidatePath("/alerts", "layout");
    return { ok: true, data: { id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function evaluateNowAction(): Promise<ActionResult<EvaluateNowResult>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, "alerts.write");
    const r = await evaluateAlertsNow({ ctx });
    revalidatePath("/alerts", "layout");
    return {
      ok: true,
      data: {
        evaluationId: r.evaluationId,
        fired: r.fired.map((a) => ({ title: a.title, summary: a.summary, severity: a.severity })),
        resolved: r.resolved.length,
        firing: r.firing.length,
        notifications: r.notifications,
        delivered: r.delivered ? deliveryText(r.delivered) : null,
        errors: r.errors.map((e) => `${e.ruleName}: ${e.message}`),
      },
    };
  } catch (e) {
    return toActionError(e);
  }
}
