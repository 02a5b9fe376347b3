"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
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
  try {
    const ctx = await requireActionCtx();
    const id = formText(form, "id");
    const row = id
      ? await updateReportSchedule({ ctx, input: { ...inputOf(form), id, version: formText(form, "version") } })
      : await createReportSchedule({ ctx, input: inputOf(form) });
    revalidatePath(`/reports/${row.reportId}`);
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setReportScheduleEnabledAction(input: {
  id: string;
  version: number;
  enabled: boolean;
  reportId: string;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const row = await setReportScheduleEnabled({ ctx, input });
    revalidatePath(`/reports/${input.reportId}`);
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deleteReportScheduleAction(input: {
  id: string;
  version: number;
  reportId: string;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const row = await deleteReportSchedule({ ctx, input });
    revalidatePath(`/reports/${input.reportId}`);
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function sendReportScheduleNowAction(input: {
  id: string;
  reportId: string;
}): Promise<ActionResult<{ ok: boolean; error: string | null }>> {
  try {
    const ctx = await requireActionCtx();
    const result = await sendReportScheduleNow({ ctx, input: { id: input.id } });
    revalidatePath(`/reports/${input.reportId}`);
    return { ok: true, data: { ok: result.ok, error: result.error } };
  } catch (e) {
    return toActionError(e);
  }
}
