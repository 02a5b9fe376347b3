"use client";

import Link from "next/link";
import { useState } from "react";
import { EditFormHeader, fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type Option = { value: string; label: string };
type ParamField = { name: string; label: string; type: "number" | "select"; options?: readonly Option[]; help?: string };

export type RuleFormOptions = {
  kinds: { value: string; label: string; description: string; scopes: string[]; fields: readonly ParamField[] }[];
  owners: Option[];
  channels: (Option & { kind: string })[];
  scopes: Record<"provider" | "family" | "site" | "team", Option[]>;
};

export type RuleFormValues = {
  name: string;
  kind: string;
  params: Record<string, string>;
  severity: string;
  ownerId: string;
  scopeKind: string;
  scopeValue: string;
  channelIds: string[];
  repeatMinutes: string;
  mutedUntil: string;
  enabled: boolean;
};

const SEVERITIES: Option[] = [
  { value: "info", label: "Info" },
  { value: "warning", label: "Warning" },
  { value: "critical", label: "Critical" },
];
const SCOPE_LABEL: Record<string, string> = { provider: "A provider", family: "An accelerator family", site: "A site", team: "A team" };

const toDetail = (id: string) => `/alerts/rules/${id}`;

/** The rule form: the kind chosen changes the threshold fields and the scopes offered. */
export function RuleForm({
  action,
  options,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  options: RuleFormOptions;
  values: RuleFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [kind, setKind] = useState(values.kind);
  const [scopeKind, setScopeKind] = useState(values.scopeKind);
  const chosen = options.kinds.find((k) => k.value === kind) ?? options.kinds[0]!;
  const scopes = chosen.scopes.map((s) => ({ value: s, label: SCOPE_LABEL[s] ?? s }));
  const scopeValues = scopeKind && chosen.scopes.includes(scopeKind) ? options.scopes[scopeKind as keyof RuleFormOptions["scopes"]] : null;
  const err = (k: string) => fieldError(state, k);
  const channelsError = err("channelIds");
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit alert rule" : "New alert rule"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} error={err("name")} required />
        <SelectField
          name="kind"
          label="Kind"
          options={options.kinds.map(({ value, label }) => ({ value, label }))}
          defaultValue={values.kind}
          error={err("kind")}
          onChange={setKind}
          hint={chosen.description}
          required
        />
        {chosen.fields.map((f) =>
          f.type === "select" ? (
            <SelectField
              key={`${kind}-${f.name}`}
              name={`params.${f.name}`}
              label={f.label}
              options={[...(f.options ?? [])]}
              defaultValue={values.kind === kind ? values.params[f.name] : undefined}
              error={err(`params.${f.name}`)}
              hint={f.help}
            />
          ) : (
            <TextField
              key={`${kind}-${f.name}`}
              name={`params.${f.name}`}
              label={f.label}
              inputMode="decimal"
              defaultValue={values.kind === kind ? values.params[f.name] : ""}
              error={err(`params.${f.name}`)}
              hint={f.help}
              required
            />
          ),
        )}
        <SelectField
          name="severity"
          label="Severity"
          options={SEVERITIES}
          defaultValue={values.severity}
          error={err("severity")}
          required
        />
        <SelectField
          name="ownerId"
          label="Owner"
          options={options.owners}
          empty="No owner"
          defaultValue={values.ownerId}
          error={err("ownerId")}
        />
        <SelectField
          key={`scope-${kind}`}
          name="scopeKind"
          label="Scope"
          options={scopes}
          empty="Everything"
          defaultValue={chosen.scopes.includes(values.scopeKind) ? values.scopeKind : ""}
          error={err("scopeKind")}
          onChange={setScopeKind}
        />
        {scopeValues ? (
          <SelectField
            key={`scope-value-${scopeKind}`}
            name="scopeValue"
            label={SCOPE_LABEL[scopeKind] ?? "Scope"}
            options={scopeValues}
            empty="Choose one"
            defaultValue={scopeKind === values.scopeKind ? values.scopeValue : ""}
            error={err("scopeValue")}
            required
          />
        ) : null}
        <TextField
          name="repeatMinutes"
          label="Repeat every (minutes)"
          inputMode="numeric"
          defaultValue={values.repeatMinutes}
          error={err("repeatMinutes")}
          hint="Sends a still-firing alert again after this long; empty: once."
        />
        <TextField
          name="mutedUntil"
          label="Muted until (UTC)"
          type="datetime-local"
          defaultValue={values.mutedUntil}
          error={err("mutedUntil")}
          hint="Fires and is recorded, but notifies nobody before then."
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Channels</legend>
        {options.channels.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No channels yet.{" "}
            <Link href="/alerts/channels" className="text-brand-700 underline dark:text-brand-300">
              Add a channel
            </Link>{" "}
            to send this rule&apos;s alerts by email or webhook; without one they show in the app only (and on channels that route all).
          </p>
        ) : (
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {options.channels.map((c) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="channelIds" value={c.value} defaultChecked={values.channelIds.includes(c.value)} />
                {c.label} <span className="text-xs text-slate-600 dark:text-slate-400">({c.kind})</span>
              </label>
            ))}
          </div>
        )}
        {channelsError ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{channelsError}</p> : null}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} /> Enabled (evaluated on schedule and on Evaluate now)
      </label>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create rule"}
        </Button>
        <Link href="/alerts/rules" className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
