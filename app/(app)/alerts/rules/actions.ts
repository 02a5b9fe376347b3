"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/errors";
import { archiveAlertRule, unarchiveAlertRule } from "@/lib/services/alert-rules/archive";
import { createAlertRule } from "@/lib/services/alert-rules/create";
import { updateAlertRule } from "@/lib/services/alert-rules/update";
import { setEvaluationInterval } from "@/lib/services/alerts/settings";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["name", "kind", "severity", "ownerId", "scopeKind", "scopeValue", "repeatMinutes", "mutedUntil"] as const;

/** The form as a rule: its params from the `params.*` fields, its channels from the checkboxes, mute end in UTC. */
function ruleInput(form: FormData): Record<string, unknown> {
  const fields: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));
  const muted = (fields.mutedUntil ?? "").trim();
  fields.mutedUntil = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(muted) ? `${muted}Z` : muted;
  if (!fields.scopeKind) fields.scopeValue = "";
  const params: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (key.startsWith("params.") && typeof value === "string") params[key.slice(7)] = value;
  return {
    ...fields,
    params,
    channelIds: form.getAll("channelIds").map(String),
    enabled: form.get("enabled") === "on",
  };
}

function revalidateAlerts() {
  revalidatePath("/alerts", "layout");
}

export async function createAlertRuleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      const created = await createAlertRule({ ctx, input: ruleInput(form) });
      return { id: created.id };
    },
    () => revalidateAlerts(),
  );
}

export async function updateAlertRuleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      const input = { id: formText(form, "id"), version: formText(form, "version"), changes: ruleInput(form) };
      const updated = await updateAlertRule({ ctx, input });
      return { id: updated.id };
    },
    () => revalidateAlerts(),
  );
}

export async function setAlertRuleArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      const verb = input.archived ? archiveAlertRule : unarchiveAlertRule;
      const row = await verb({ ctx, input: { id: input.id, version: input.version } });
      return { id: row.id };
    },
    () => revalidateAlerts(),
  );
}

export async function setEvaluationIntervalAction(_prev: unknown, form: FormData): Promise<ActionResult<{ minutes: number }>> {
  return runAction(
    "alerts.write",
    async (ctx) => {
      const saved = await setEvaluationInterval({ ctx, input: { minutes: formText(form, "minutes") } });
      return saved;
    },
    () => revalidateAlerts(),
  );
}
