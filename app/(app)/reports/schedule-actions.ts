"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import type { ActionResult } from "@/lib/errors";
import { createReportSchedule } from "@/lib/services/report-schedules/create";
import { deleteReportSchedule } from "@/lib/services/report-schedules/delete";
import { sendReportScheduleNow } from "@/lib/services/report-schedules/send-now";
import { setReportScheduleEnabled } from "@/lib/services/report-schedules/set-enabled";
import { updateReportSchedule } from "@/lib/services/report-schedules/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = ["reportId", "cadence", "weekday", "dayOfMonth", "hour", "timeZone", "recipients", "linkDays", "enabled"] as const;

const inputOf = (form: FormData) => ({
  ...Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])),
  csvSections: form.getAll("csvSections").map(String),
});

export async function saveReportScheduleAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "reports.schedule",
    async (ctx) => {
      const id = formText(form, "id");
      const row = id
        ? await updateReportSchedule({ ctx, input: { ...inputOf(form), id, version: formText(form, "version") } })
        : await createReportSchedule({ ctx, input: inputOf(form) });
      return { id: row.id };
    },
    () => revalidatePath(`/reports/${formText(form, "reportId")}`),
  );
}

export async function setReportScheduleEnabledAction(input: {
  id: string;
  version: number;
  enabled: boolean;
  reportId: string;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "reports.schedule",
    async (ctx) => {
      const row = await setReportScheduleEnabled({ ctx, input });
      return { id: row.id };
    },
    () => revalidatePath(`/reports/${input.reportId}`),
  );
}

export async function deleteReportScheduleAction(input: {
  id: string;
  version: number;
  reportId: string;
}): Promise<ActionResult<{ id: string }>> {
  return runAction(
    "reports.schedule",
    async (ctx) => {
      const row = await deleteReportSchedule({ ctx, input });
      return { id: row.id };
    },
    () => revalidatePath(`/reports/${input.reportId}`),
  );
}

export async function sendReportScheduleNowAction(input: {
  id: string;
  reportId: string;
}): Promise<ActionResult<{ ok: boolean; error: string | null }>> {
  return runAction(
    "reports.schedule",
    async (ctx) => {
      const result = await sendReportScheduleNow({ ctx, input: { id: input.id } });
      return { ok: result.ok, error: result.error };
    },
    () => revalidatePath(`/reports/${input.reportId}`),
  );
}
