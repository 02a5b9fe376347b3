import type { ImportHistory } from "@/lib/queries/imports/history";

export const IMPORT_HISTORY_KEY = ["imports", "history"] as const;
export const IMPORT_UPLOAD_KEY = ["imports", "upload"] as const;

export const HISTORY_POLL_MS = 3_000;

/** How often to refetch the history: while a shown import is running or an upload is under way, else never. */
export function historyPollInterval(rows: readonly { status: string }[], uploading: boolean): number | false {
  return uploading || rows.some((r) => r.status === "running") ? HISTORY_POLL_MS : false;
}

export async function fetchImportHistory(search: string, signal: AbortSignal): Promise<ImportHistory> {
  const response = await fetch(`/imports/history${search}`, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The import history could not be refreshed (HTTP ${response.status}).`);
  }
  return (await response.json()) as ImportHistory;
}
