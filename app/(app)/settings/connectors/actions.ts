"use server";

import { revalidatePath } from "next/cache";
import { requireActionCtx } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { archiveConnector, unarchiveConnector } from "@/lib/services/connectors/archive";
import { createConnector } from "@/lib/services/connectors/create";
import { deleteConnector } from "@/lib/services/connectors/delete";
import type { PlannedObject } from "@/lib/services/connectors/plan";
import type { RunSummary } from "@/lib/services/connectors/run";
import { runConnectorNow } from "@/lib/services/connectors/run-now";
import { testConnector } from "@/lib/services/connectors/test";
import { updateConnector } from "@/lib/services/connectors/update";
import { formText } from "@/lib/validation/form-data";

const FIELDS = [
  "name",
  "kind",
  "providerId",
  "prefix",
  "schedule",
  "enabled",
  "endpoint",
  "region",
  "bucket",
  "forcePathStyle",
  "accessKeyId",
  "secretAccessKey",
  "accountUrl",
  "container",
  "auth",
  "connectionString",
  "sasToken",
  "accountKey",
] as const;

const inputOf = (form: FormData) => Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)]));

export async function createConnectorAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const created = await createConnector({ ctx, input: inputOf(form) });
    revalidatePath("/settings/connectors");
    return { ok: true, data: { id: created.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateConnectorAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const input = { ...inputOf(form), id: formText(form, "id"), version: formText(form, "version") };
    const updated = await updateConnector({ ctx, input });
    revalidatePath("/settings/connectors");
    return { ok: true, data: { id: updated.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function setConnectorArchivedAction(input: {
  id: string;
  version: number;
  archived: boolean;
}): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const verb = input.archived ? archiveConnector : unarchiveConnector;
    const row = await verb({ ctx, input: { id: input.id, version: input.version } });
    revalidatePath("/settings/connectors");
    return { ok: true, data: { id: row.id } };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deleteConnectorAction(input: { id: string; version: number }): Promise<ActionResult<{ id: string }>> {
  try {
    const ctx = await requireActionCtx();
    const deleted = await deleteConnector({ ctx, input });
    revalidatePath("/settings/connectors");
    return { ok: true, data: deleted };
  } catch (e) {
    return toActionError(e);
  }
}

export async function testConnectorAction(input: { id: string }): Promise<ActionResult<PlannedObject[]>> {
  try {
    const ctx = await requireActionCtx();
    return { ok: true, data: await testConnector({ ctx, input }) };
  } catch (e) {
    return toActionError(e);
  }
}

export async function runConnectorNowAction(input: { id: string }): Promise<ActionResult<RunSummary>> {
  try {
    const ctx = await requireActionCtx();
    const summary = await runConnectorNow({ ctx, input });
    revalidatePath("/settings/connectors");
    return { ok: true, data: summary };
  } catch (e) {
    return toActionError(e);
  }
}
