"use client";

import { KeyRound, Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { ActionError, ActionResult } from "@/lib/errors";
import { ROLE_OPTIONS } from "./options";
import { formText } from "@/lib/validation/form-data";

type Created = { id: string; key: string; prefix: string };

function Problem({ state }: { state: ActionError | null }) {
  if (!state) return null;
  if (state.conflict) return <ConflictNotice conflict={state.conflict} message={state.error} />;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {state.error}
    </p>
  );
}

/** Shown once after creation: the clear key, a copy button and the warning that it cannot be shown again. */
function NewKeyPanel({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <div
      role="status"
      data-testid="new-api-key"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p className="font-semibold">Copy this key now. It is shown only once: Headroom keeps only its hash and cannot show it again.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          aria-label="New API key"
          className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 dark:bg-slate-900 dark:text-slate-100"
        >
          {created.key}
        </code>
        <CopyButton text={created.key} label="Copy key" />
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          I have stored it
        </Button>
      </div>
      <p className="mt-2 text-xs">
        Send it as <code>Authorization: Bearer {created.prefix}…</code>. Anyone holding it acts with the key&apos;s role until it is
        revoked.
      </p>
    </div>
  );
}

export function CreateApiKeyForm({ action }: { action: (input: { name: string; role: string }) => Promise<ActionResult<Created>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [formKey, setFormKey] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action({ name: formText(form, "name"), role: formText(form, "role") });
      if (result.ok) {
        setState(null);
        setCreated(result.data);
        setFormKey((k) => k + 1);
        router.refresh();
      } else setState(result);
    });
  };
  return (
    <section
      aria-labelledby="new-key-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="new-key-heading" className="flex items-center gap-2 text-lg font-semibold">
        <KeyRound aria-hidden className="size-4" /> New API key
      </h2>
      {created ? (
        <div className="mt-3">
          <NewKeyPanel created={created} onDone={() => setCreated(null)} />
        </div>
      ) : null}
      <form key={formKey} onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-start gap-4" aria-label="New API key">
        <div className="w-64">
          <TextField
            name="name"
            label="Name"
            hint="What uses it, e.g. cluster-a utilization push."
            error={fieldError(state, "name")}
            required
          />
        </div>
        <div className="w-80">
          <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue="viewer" error={fieldError(state, "role")} required />
        </div>
        <Button type="submit" className="mt-6" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <div className="mt-2">
        <Problem state={state} />
      </div>
    </section>
  );
}

export function RevokeApiKeyButton({
  apiKey,
  action,
}: {
  apiKey: { id: string; version: number; name: string };
  action: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const run = () =>
    startTransition(async () => {
      if (!window.confirm(`Revoke ${apiKey.name}? Requests with it are refused from now on.`)) return;
      const result = await action({ id: apiKey.id, version: apiKey.version });
      if (result.ok) {
        setState(null);
        router.refresh();
      } else setState(result);
    });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button type="button" size="sm" variant="outline" onClick={run} disabled={pending} aria-label={`Revoke ${apiKey.name}`}>
        <Ban aria-hidden className="size-4" /> Revoke
      </Button>
      <Problem state={state} />
    </span>
  );
}
