"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { EditFormHeader, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { ActionResult } from "@/lib/errors";

export type ChannelFormValues = {
  name: string;
  kind: string;
  recipients: string;
  url: string;
  minSeverity: string;
  scope: string;
  routeAll: boolean;
  enabled: boolean;
  hasSecret: boolean;
};

type Saved = { id: string; secret: string | null };

const KINDS = [
  { value: "email", label: "Email" },
  { value: "webhook", label: "Webhook (JSON, signed)" },
  { value: "slack", label: "Slack incoming webhook" },
  { value: "teams", label: "Microsoft Teams incoming webhook" },
];

const SEVERITIES = [
  { value: "info", label: "Info and above (everything)" },
  { value: "warning", label: "Warning and critical" },
  { value: "critical", label: "Critical only" },
];

const toDetail = (id: string) => `/alerts/channels/${id}`;

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className="flex items-center gap-2 text-sm font-medium">
        <input id={`f-${name}`} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={`f-${name}-hint`} />
        {label}
      </label>
      <p id={`f-${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
    </div>
  );
}

/** Shown once after a webhook channel is created with a generated secret. */
function NewSecretPanel({ saved }: { saved: Saved & { secret: string } }) {
  return (
    <div
      role="status"
      className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
    >
      <p className="font-semibold">
        Copy the signing secret now. It is shown only once: Headroom stores it encrypted and cannot show it again.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          aria-label="Signing secret"
          className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 dark:bg-slate-900 dark:text-slate-100"
        >
          {saved.secret}
        </code>
        <CopyButton text={saved.secret} label="Copy secret" />
        <a href={toDetail(saved.id)} className="text-sm font-medium underline">
          I have stored it — open the channel
        </a>
      </div>
      <p className="mt-2 text-xs">
        Each request carries <code>X-Headroom-Signature: t=…,v1=…</code>: the HMAC-SHA256 of &quot;t.body&quot; with this secret (README,
        Webhooks).
      </p>
    </div>
  );
}

export function ChannelForm({
  action,
  values,
  scopes,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<Saved>>;
  values: ChannelFormValues;
  scopes: { value: string; label: string; group: string }[];
  edit?: { id: string; version: number };
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const [kind, setKind] = useState(values.kind || "email");
  const saved = state?.ok ? state.data : null;
  useEffect(() => {
    if (saved && !saved.secret) {
      router.push(toDetail(saved.id));
      router.refresh();
    }
  }, [saved, router]);
  if (saved?.secret) return <NewSecretPanel saved={{ ...saved, secret: saved.secret }} />;
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => fieldError(failed, name);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const groups = [...new Set(scopes.map((s) => s.group))];
  const secretHint = edit && values.hasSecret ? "Leave blank to keep the saved value." : undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={edit ? "Edit channel" : "New channel"}>
      <EditFormHeader state={failed} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} error={err("name")} required />
        <SelectField name="kind" label="Kind" options={KINDS} defaultValue={kind} onChange={setKind} error={err("kind")} />
      </div>
      {kind === "email" ? (
        <TextAreaField
          name="recipients"
          label="Recipients"
          defaultValue={values.recipients}
          hint="Email addresses, one per line or separated by commas. Mail goes out through SMTP_URL."
          error={err("recipients")}
        />
      ) : null}
      {kind === "webhook" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="url"
            label="URL"
            type="url"
            defaultValue={values.url}
            hint="Receives a JSON POST per message."
            error={err("url")}
            required
          />
          <TextField
            name="secret"
            label="Signing secret"
            type="password"
            hint={secretHint ?? "Blank: Headroom generates one and shows it once. At least 16 characters when typed."}
            error={err("secret")}
          />
        </div>
      ) : null}
      {kind === "slack" || kind === "teams" ? (
        <TextField
          name="url"
          label="Incoming-webhook URL"
          type="password"
          hint={(secretHint ? `${secretHint} ` : "") + "The URL itself is the secret: it is stored encrypted and only its host is shown."}
          error={err("url")}
          required={!edit}
        />
      ) : null}
      <fieldset className="space-y-4 rounded border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Routing</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="minSeverity"
            label="Lowest severity"
            options={SEVERITIES}
            defaultValue={values.minSeverity}
            error={err("minSeverity")}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="f-scope" className="text-sm font-medium">
              Scope
            </label>
            <select
              id="f-scope"
              name="scope"
              defaultValue={values.scope}
              aria-describedby="f-scope-hint"
              className="h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">Any provider, family, site and team</option>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {scopes
                    .filter((s) => s.group === g)
                    .map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <p id="f-scope-hint" className="text-xs text-slate-600 dark:text-slate-400">
              {err("scopeValue") ?? err("scopeKind") ?? "Only alerts about this provider, family, site or team."}
            </p>
          </div>
        </div>
        <Checkbox
          name="routeAll"
          label="Route every rule's alerts here"
          hint="Off: only rules that name this channel."
          defaultChecked={values.routeAll}
        />
        <Checkbox
          name="enabled"
          label="Enabled"
          hint="Off: no alerts are sent here; Send test still works."
          defaultChecked={values.enabled}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create channel"}
      </Button>
    </form>
  );
}
