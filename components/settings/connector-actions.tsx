"use client";

import { Play, PlugZap, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { StatusBadge } from "@/components/registers/status-badge";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ActionError, ActionResult } from "@/lib/errors";
import { formatBytes } from "./connector-format";

type Listed = { key: string; etag: string; size: number; status: string; files: string[] | null; problem: string | null };
type Ran = {
  result: string;
  error: string | null;
  seen: number;
  objects: { key: string; outcome: string; rows: number; errors: { line: number; column?: string; message: string }[] }[];
};

function Problem({ state }: { state: ActionError | null }) {
  if (!state) return null;
  if (state.conflict) return <ConflictNotice conflict={state.conflict} message={state.error} />;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {state.error}
    </p>
  );
}

const TH = "px-3 py-2 text-left font-medium";
const TD = "px-3 py-2 align-top";

/** Test connection and Run now, with what each found. */
export function ConnectorRunPanel({
  id,
  archived,
  test,
  run,
}: {
  id: string;
  archived: boolean;
  test: (input: { id: string }) => Promise<ActionResult<Listed[]>>;
  run: (input: { id: string }) => Promise<ActionResult<Ran>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const [listed, setListed] = useState<Listed[] | null>(null);
  const [ran, setRan] = useState<Ran | null>(null);
  const onTest = () =>
    startTransition(async () => {
      const result = await test({ id });
      setRan(null);
      if (result.ok) {
        setState(null);
        setListed(result.data);
      } else setState(result);
    });
  const onRun = () =>
    startTransition(async () => {
      const result = await run({ id });
      setListed(null);
      if (result.ok) {
        setState(null);
        setRan(result.data);
        router.refresh();
      } else setState(result);
    });
  return (
    <section
      aria-labelledby="run-heading"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="run-heading" className="text-lg font-semibold">
        Test and run
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Test connection lists what a run would import, without importing. Run now imports the new and changed objects at once.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" variant="outline" onClick={onTest} disabled={pending}>
          <PlugZap aria-hidden className="size-4" /> Test connection
        </Button>
        <Button type="button" onClick={onRun} disabled={pending || archived}>
          <Play aria-hidden className="size-4" /> {pending ? "Working…" : "Run now"}
        </Button>
      </div>
      <div className="mt-3" aria-live="polite">
        <Problem state={state} />
        {listed ? <ListedTable rows={listed} /> : null}
        {ran ? <RanTable ran={ran} /> : null}
      </div>
    </section>
  );
}

function ListedTable({ rows }: { rows: Listed[] }) {
  const fresh = rows.filter((r) => r.status !== "seen").length;
  return (
    <div data-testid="connector-test-result">
      <p role="status" className="text-sm">
        Connected. {rows.length} {rows.length === 1 ? "export" : "exports"} found, {fresh} to import.
      </p>
      {rows.length ? (
        <ScrollRegion label="Objects found" className="mt-2 rounded-md border border-slate-200 dark:border-slate-800">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                <th className={TH}>Key</th>
                <th className={TH}>Size</th>
                <th className={TH}>ETag</th>
                <th className={TH}>Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-200 dark:border-slate-800">
                  <td className={`${TD} min-w-56 break-all`}>
                    {r.key}
                    {r.files ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">manifest of {r.files.length} files</span>
                    ) : null}
                    {r.problem ? <span className="block text-xs text-red-700 dark:text-red-400">{r.problem}</span> : null}
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>{formatBytes(r.size)}</td>
                  <td className={`${TD} font-mono text-xs break-all`}>{r.etag}</td>
                  <td className={TD}>
                    <StatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}

function RanTable({ ran }: { ran: Ran }) {
  return (
    <div data-testid="connector-run-result">
      <p role="status" className="text-sm">
        Run {ran.result}: {ran.objects.length} imported or checked, {ran.seen} already seen.
        {ran.error ? <span className="block text-red-700 dark:text-red-400">{ran.error}</span> : null}
      </p>
      {ran.objects.length ? (
        <ScrollRegion label="Run results" className="mt-2 rounded-md border border-slate-200 dark:border-slate-800">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                <th className={TH}>Key</th>
                <th className={TH}>Outcome</th>
                <th className={TH}>Rows</th>
              </tr>
            </thead>
            <tbody>
              {ran.objects.map((o) => (
                <tr key={o.key} className="border-t border-slate-200 dark:border-slate-800">
                  <td className={`${TD} min-w-56 break-all`}>
                    {o.key}
                    {o.errors.slice(0, 3).map((e, i) => (
                      <span key={i} className="block text-xs text-red-700 dark:text-red-400">
                        {e.line ? `Line ${e.line}${e.column ? `, ${e.column}` : ""}: ` : ""}
                        {e.message}
                      </span>
                    ))}
                  </td>
                  <td className={TD}>
                    <StatusBadge status={o.outcome} />
                  </td>
                  <td className={`${TD} tabular-nums`}>{o.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </div>
  );
}

export function DeleteConnectorButton({
  connector,
  action,
}: {
  connector: { id: string; version: number; name: string };
  action: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const onDelete = () =>
    startTransition(async () => {
      if (!window.confirm(`Delete ${connector.name}? Its credentials and object history go; the imports it made stay.`)) return;
      const result = await action({ id: connector.id, version: connector.version });
      if (result.ok) router.push("/settings/connectors");
      else setState(result);
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button type="button" variant="outline" onClick={onDelete} disabled={pending}>
        <Trash2 aria-hidden className="size-4" /> Delete
      </Button>
      <Problem state={state} />
    </div>
  );
}
