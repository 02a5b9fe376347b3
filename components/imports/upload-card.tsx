"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ImportOutcome, type ImportResultLike } from "./import-outcome";
import { formatBytes, readNdjsonEvents, type UploadEvent } from "./upload-events";

type State =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number; rows: number; received: number }
  | { phase: "done"; result: ImportResultLike }
  | { phase: "error"; message: string };

/**
 * Uploads one file as the raw request body (no 1 MB server-action cap, never buffered on the server) and
 * shows real progress: bytes sent by the browser, then bytes and rows the server has read, then the summary.
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
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: "idle" });
  const inputId = `${endpoint.replace(/\W+/g, "-")}-file`;

  function start() {
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ phase: "error", message: "Choose a file first." });
      return;
    }
    setState({ phase: "uploading", sent: 0, total: file.size, rows: 0, received: 0 });
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let outcome: State | null = null;
    const onEvents = () => {
      const { events, next } = readNdjsonEvents(xhr.responseText, consumed);
      consumed = next;
      for (const e of events) outcome = apply(e) ?? outcome;
    };
    const apply = (e: UploadEvent): State | null => {
      if (e.type === "progress") {
        setState((s) => (s.phase === "uploading" ? { ...s, rows: e.rows, received: e.bytes } : s));
        return null;
      }
      if (e.type === "result") return { phase: "done", result: e.result as ImportResultLike };
      return { phase: "error", message: e.error };
    };
    xhr.open("POST", `${endpoint}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => setState((s) => (s.phase === "uploading" ? { ...s, sent: e.loaded } : s));
    xhr.onprogress = onEvents;
    xhr.onload = () => {
      if (xhr.getResponseHeader("content-type")?.includes("application/json")) {
        let message = `The upload was refused (HTTP ${xhr.status}).`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          // keep the generic message
        }
        setState({ phase: "error", message });
        return;
      }
      onEvents();
      setState(outcome ?? { phase: "error", message: "The server ended the upload without a result." });
      router.refresh();
    };
    xhr.onerror = () => setState({ phase: "error", message: "The connection was lost during the upload; nothing was loaded." });
    xhr.send(file);
  }

  const busy = state.phase === "uploading";
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
        {state.phase === "uploading" ? <Progress {...state} /> : null}
        {state.phase === "error" ? (
          <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
            {state.message}
          </p>
        ) : null}
        {state.phase === "done" ? <ImportOutcome result={state.result} /> : null}
      </CardContent>
    </Card>
  );
}

function Progress({ sent, total, rows, received }: { sent: number; total: number; rows: number; received: number }) {
  // Two phases: the browser sending the file, then the server reading and checking it (which trails the upload).
  const checking = sent >= total && total > 0;
  const done = checking ? received : sent;
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="mt-4" role="status" aria-live="polite">
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {checking && received >= total
          ? `All ${rows.toLocaleString("en-US")} rows checked · loading them into the database (all or nothing)…`
          : checking
            ? `Uploaded ${formatBytes(total)} · server read ${formatBytes(received)} · ${rows.toLocaleString("en-US")} rows checked`
            : `Sending ${formatBytes(sent)} of ${formatBytes(total)} · ${rows.toLocaleString("en-US")} rows checked`}
      </p>
    </div>
  );
}
