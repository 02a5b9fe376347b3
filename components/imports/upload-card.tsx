"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { IMPORT_HISTORY_KEY, IMPORT_UPLOAD_KEY } from "./history-query";
import { ImportOutcome, type ImportResultLike } from "./import-outcome";
import { formatBytes, readNdjsonEvents } from "./upload-events";

type Progress = { sent: number; total: number; rows: number; received: number };

/**
 * Sends `file` as the raw request body and resolves with the import's result, reporting bytes sent by the browser,
 * then bytes and rows the server has read (XMLHttpRequest: fetch cannot report upload progress).
 */
function uploadFile(endpoint: string, file: File | undefined, onProgress: (change: Partial<Progress>) => void): Promise<ImportResultLike> {
  if (!file) return Promise.reject(new Error("Choose a file first."));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let outcome: { result: ImportResultLike } | { error: string } | null = null;
    const onEvents = () => {
      const { events, next } = readNdjsonEvents(xhr.responseText, consumed);
      consumed = next;
      for (const e of events) {
        if (e.type === "progress") onProgress({ rows: e.rows, received: e.bytes });
        else outcome = e.type === "result" ? { result: e.result as ImportResultLike } : { error: e.error };
      }
    };
    xhr.open("POST", `${endpoint}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded });
    xhr.onprogress = onEvents;
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes("application/json")) {
        let message = `The upload was refused (HTTP ${xhr.status}).`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          // keep the generic message
        }
        reject(new Error(message));
        return;
      }
      onEvents();
      if (outcome && "result" in outcome) resolve(outcome.result);
      else reject(new Error(outcome?.error ?? "The server ended the upload without a result."));
    };
    xhr.onerror = () => reject(new Error("The connection was lost during the upload; nothing was loaded."));
    xhr.send(file);
  });
}

/**
 * Uploads one file as the raw request body (no 1 MB server-action cap, never buffered on the server) and
 * shows real progress: bytes sent by the browser, then bytes and rows the server has read, then the summary.
 * The import history below refetches once the upload ends.
 */
export function UploadCard({
  title,
  description,
  endpoint,
  accept,
  fileLabel,
}: {
  title: string;
  description: string;
  endpoint: string;
  accept: string;
  fileLabel: string;
}) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress>({ sent: 0, total: 0, rows: 0, received: 0 });
  const inputId = `${endpoint.replace(/\W+/g, "-")}-file`;
  const upload = useMutation({
    mutationKey: IMPORT_UPLOAD_KEY,
    mutationFn: (file: File | undefined) => uploadFile(endpoint, file, (change) => setProgress((p) => ({ ...p, ...change }))),
    // Once a file was sent, its import (loaded, rejected or stopped midway) is in the history.
    onSettled: (_result, _error, file) => (file ? queryClient.invalidateQueries({ queryKey: IMPORT_HISTORY_KEY }) : undefined),
  });

  function start() {
    const file = input.current?.files?.[0];
    setProgress({ sent: 0, total: file?.size ?? 0, rows: 0, received: 0 });
    upload.mutate(file);
  }

  const busy = upload.isPending;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </CardHeader>
      <CardContent>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={inputId} className="text-sm font-medium">
              {fileLabel}
            </label>
            <input
              id={inputId}
              ref={input}
              type="file"
              accept={accept}
              disabled={busy}
              className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-900"
            />
          </div>
          <Button type="button" onClick={start} disabled={busy}>
            <Upload aria-hidden className="size-4" /> {busy ? "Importing…" : "Import"}
          </Button>
        </div>
        {upload.isPending ? <UploadProgress {...progress} /> : null}
        {upload.isError ? (
          <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
            {upload.error.message}
          </p>
        ) : null}
        {upload.isSuccess ? <ImportOutcome result={upload.data} /> : null}
      </CardContent>
    </Card>
  );
}

export function UploadProgress({ sent, total, rows, received }: Progress) {
  // Two phases: the browser sending the file, then the server reading and checking it (which trails the upload).
  const checking = sent >= total && total > 0;
  const done = checking ? received : sent;
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="mt-4">
      <div
        role="progressbar"
        aria-label={checking ? "Checking the file" : "Sending the file"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {checking && received >= total
          ? `All ${rows.toLocaleString("en-US")} rows checked · loading them into the database (all or nothing)…`
          : checking
            ? `Uploaded ${formatBytes(total)} · server read ${formatBytes(received)} · ${rows.toLocaleString("en-US")} rows checked`
            : `Sending ${formatBytes(sent)} of ${formatBytes(total)} · ${rows.toLocaleString("en-US")} rows checked`}
      </p>
    </div>
  );
}
