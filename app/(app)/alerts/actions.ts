"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/errors";
import { acknowledgeAlert } from "@/lib/services/alerts/acknowledge";
import type { EvaluateNowResult } from "@/lib/alerts/types";
import { evaluateAlertsNow } from "@/lib/services/alerts/evaluate-now";
import { deliveryText } from "@/lib/notify/deliver";
import { resolveAlert } from "@/lib/services/alerts/resolve";

// Each action checks its permission before anything else, and its verb checks it again.
export async function acknowledgeAlertAction(id: string): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "alerts.ack",
    async (ctx) => {
      await acknowledgeAlert({ ctx, input: { id } });
      return { id };
    },
    () => revalidatePath("/alerts", "layout"),
  );
}

export async function resolveAlertAction(id: string): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      await resolveAlert({ ctx, input: { id } });
      return { id };
    },
    () => revalidatePath("/alerts", "layout"),
  );
}

export async function evaluateNowAction(): Promise<ActionResult<EvaluateNowResult>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      const r = await evaluateAlertsNow({ ctx });
      return {
        evaluationId: r.evaluationId,
        fired: r.fired.map((a) => ({ title: a.title, summary: a.summary, severity: a.severity })),
        resolved: r.resolved.length,
        firing: r.firing.length,
        notifications: r.notifications,
        delivered: r.delivered ? deliveryText(r.delivered) : null,
        errors: r.errors.map((e) => `${e.ruleName}: ${e.message}`),
      };
    },
    () => revalidatePath("/alerts", "layout"),
  );
}
