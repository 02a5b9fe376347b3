"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveReport } from "@/lib/services/reports/archive";
import { createReport } from "@/lib/services/reports/create";
import { updateReport } from "@/lib/services/reports/update";
import { createShareLink } from "@/lib/services/shares/create";
import { revokeShareLink } from "@/lib/services/shares/revoke";
import { formText } from "@/lib/validation/form-data";

const FILTER_FIELDS = ["range", "from", "to", "provider", "family", "site", "by", "unit"] as const;

// The form's fields as a report: empty filters are left out, so the page defaults apply.
function reportInput(form: FormData) {
  const filters: Record<string, string> = {};
  for (const f of FILTER_FIELDS) {
    const v = formText(form, f).trim();
    if (v) filters[f] = v;
  }
  return {
    name: formText(form, "name"),
    note: formText(form, "note"),
    scope: {
      sections: form.getAll("sections").map(String),
      filters,
      scenarioId: formText(form, "scenarioId") || null,
      ...(formText(form, "plan").trim() ? { plan: formText(form, "plan") } : {}),
    },
  };
}

export async function saveReportAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const id = formText(form, "id");
    const row = id
      ? await updateReport({ ctx, input: { id, version: formText(form, "version"), changes: reportInput(form) } })
      : await createReport({ ctx, input: reportInput(form) });
    revalidatePath("/reports");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function archiveReportAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const row = await archiveReport({ ctx, input });
    revalidatePath("/reports");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

/** Returns the link's token this once; it is not stored and cannot be shown again. */
export async function createShareLinkAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ token: string; label: string | null }>> {
  try {
    const ctx = await requireActionCtx();
    const input = {
      reportId: formText(form, "reportId"),
      label: formText(form, "label"),
      expiresInDays: formText(form, "expiresInDays"),
      allowCsv: form.get("allowCsv") === "on",
    };
    const { token, link } = await createShareLink({ ctx, input });
    revalidatePath(`/reports/${link.reportId}`);
    return { ok: true, data: { token, label: link.label } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function revokeShareLinkAction(input: { id: string; reportId: string }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const row = await revokeShareLink({ ctx, input: { id: input.id } });
    revalidatePath(`/reports/${input.reportId}`);
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}
