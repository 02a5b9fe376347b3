"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CheckCircle2, FileSearch, Upload } from "lucide-react";
import { ErrorTable } from "@/components/imports/error-table";
import { readNdjsonEvents } from "@/components/imports/upload-events";
import { ColumnsReference } from "@/components/imports/registers/columns-reference";
import { KindPicker, type KindOption } from "@/components/imports/registers/kind-picker";
import { SampleTable } from "@/components/imports/registers/sample-table";
import { Button } from "@/components/ui/button";
import type { RegisterImportResult } from "@/lib/services/imports/registers/import";

type State =
  | { phase: "idle" }
  | { phase: "busy"; mode: "preview" | "commit"; rows: number }
  | { phase: "checked"; result: RegisterImportResult; file: File }
  | { phase: "done"; result: RegisterImportResult }
  | { phase: "error"; message: string };

async function send(kind: string, mode: "preview" | "commit", file: File, onRows: (rows: number) => void): Promise<RegisterImportResult> {
  const url = `/imports/registers/upload?kind=${kind}&mode=${mode}&name=${encodeURIComponent(file.name)}`;
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
  } catch {
    throw new Error("The connection was lost; nothing was loaded. Try again.");
  }
  if (!response.ok || !response.body || response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The server refused the file (HTTP ${response.status}).`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  let consumed = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (value) text += value;
    const { events, next } = readNdjsonEvents(text, consumed);
    consumed = next;
    for (const e of events) {
      if (e.type === "progress") onRows(e.rows);
      else if (e.type === "result") return e.result as RegisterImportResult;
      else throw new Error(e.error);
    }
    if (done) throw new Error("The server stopped before answering; nothing was loaded. Try again.");
  }
}

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : `${one}s`}`;

/** Pick the kind, check a file (every row validated, nothing saved), then import it all-or-nothing. */
export function RegisterImport({ options, initialKind }: { options: KindOption[]; initialKind: string }) {
  const router = useRouter();
  const [kind, setKind] = useState(initialKind);
  const [state, setState] = useState<State>({ phase: "idle" });
  const input = useRef<HTMLInputElement>(null);
  const template = options.find((o) => o.kind === kind) ?? options[0]!;
  const busy = state.phase === "busy";

  function chooseKind(next: string) {
    setKind(next);
    setState({ phase: "idle" });
    router.replace(`/imports/registers?kind=${next}`, { scroll: false });
  }

  async function run(mode: "preview" | "commit", file: File | undefined) {
    if (!file) {
      setState({ phase: "error", message: "Choose a CSV file first." });
      return;
    }
    setState({ phase: "busy", mode, rows: 0 });
    try {
      const result = await send(kind, mode, file, (rows) => setState((s) => (s.phase === "busy" ? { ...s, rows } : s)));
      setState(mode === "preview" && result.status === "valid" ? { phase: "checked", result, file } : { phase: "done", result });
    } catch (error) {
      setState({ phase: "error", message: (error as Error).message });
    }
  }

  return (
    <div className="flex flex-col gap-5">
      <KindPicker options={options} value={kind} onChange={chooseKind} disabled={busy} />
      <ColumnsReference option={template} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="register-file" className="text-sm font-medium text-slate-800 dark:text-slate-200">
            CSV file ({template.label.toLowerCase()}, up to 10 MB)
          </label>
          <input
            id="register-file"
            ref={input}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={() => setState({ phase: "idle" })}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-900"
          />
        </div>
        <Button type="button" variant="outline" disabled={busy} onClick={() => void run("preview", input.current?.files?.[0])}>
          <FileSearch aria-hidden className="size-4" /> {busy && state.mode === "preview" ? "Checking…" : "Check file"}
        </Button>
      </div>
      <Outcome state={state} template={template} onCommit={(file) => void run("commit", file)} />
    </div>
  );
}

function Outcome({ state, template, onCommit }: { state: State; template: KindOption; onCommit: (file: File) => void }) {
  if (state.phase === "idle") return null;
  if (state.phase === "busy") {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {state.mode === "preview" ? "Checking every row…" : "Importing…"}
        {state.rows > 0 ? ` ${state.rows.toLocaleString("en-US")} rows so far.` : ""}
      </p>
    );
  }
  if (state.phase === "error") {
    return (
      <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
        {state.message}
      </p>
    );
  }
  const { result } = state;
  if (result.errorCount > 0) {
    return (
      <div role="alert">
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {result.mode === "commit" ? "The file was rejected and nothing was loaded." : "This file cannot be imported; nothing was loaded."}{" "}
          {plural(result.errorCount, "error")} in {plural(result.rows, "row")}. Fix the lines below (line 1 is the header, as in your
          spreadsheet) and check the file again.
        </p>
        <ErrorTable errors={result.errors} total={result.errorCount} />
      </div>
    );
  }
  if (state.phase === "checked") {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
          All {plural(result.rows, "row")} of {result.fileName} are valid. Nothing has been saved yet.
        </p>
        <SampleTable columns={result.columns} rows={result.sample} total={result.rows} />
        <div>
          <Button type="button" onClick={() => onCommit(state.file)}>
            <Upload aria-hidden className="size-4" /> Import {plural(result.rows, "row")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
    >
      <CheckCircle2 aria-hidden className="size-4" />
      <span>
        Imported {plural(result.created, template.singular)} from {result.fileName} (
        <Link href={`/imports/${result.importId}`} className="underline">
          import #{result.importId}
        </Link>
        ).
      </span>
      <Link href={template.list.href} className="font-medium underline">
        Open {template.list.label}
      </Link>
    </div>
  );
}
