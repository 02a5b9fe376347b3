"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { fieldError, FormError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { SHARE_LABEL_MAX } from "@/lib/sharing/label";
import type { ActionResult } from "@/lib/errors";
import { formText } from "@/lib/validation/form-data";

type Option = { value: string; label: string };

// The page's origin is known in the browser only; the server render (and hydration) use "".
const noSubscription = () => () => {};
const browserOrigin = () => window.location.origin;
const noOrigin = () => "";

export type ReportFormValues = {
  id?: string;
  version?: number;
  name: string;
  note: string;
  sections: string[];
  filters: Record<string, string>;
  scenarioId: string;
  /** The procurement plan section's inputs: a /plan address or its query. */
  plan: string;
};

export function ReportForm({
  action,
  values,
  sections,
  options,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: ReportFormValues;
  sections: Option[];
  options: {
    ranges: Option[];
    providers: Option[];
    families: Option[];
    sites: Option[];
    scenarios: Option[];
    by: Option[];
    units: Option[];
  };
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) router.push(`/reports/${state.data.id}`);
  }, [state, router]);
  const error = state && !state.ok ? state : null;
  const f = values.filters;
  return (
    <form action={formAction} className="space-y-4" aria-label={values.id ? "Edit report" : "New report"}>
      {values.id ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      <FormError state={error} />
      <TextField name="name" label="Title" defaultValue={values.name} error={fieldError(error, "name")} required />
      <TextAreaField name="note" label="Note" defaultValue={values.note} error={fieldError(error, "note")} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Sections</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {sections.map((s) => (
            <label key={s.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sections" value={s.value} defaultChecked={values.sections.includes(s.value)} />
              {s.label}
            </label>
          ))}
        </div>
        {fieldError(error, "scope.sections") ? (
          <p className="text-xs font-medium text-red-700 dark:text-red-300">{fieldError(error, "scope.sections")}</p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="range" label="Range" options={options.ranges} defaultValue={f.range ?? ""} empty="Each page's default" />
        <SelectField
          name="scenarioId"
          label="Scenario"
          options={options.scenarios}
          defaultValue={values.scenarioId}
          empty="Baseline"
          error={fieldError(error, "scope.scenarioId")}
        />
        <SelectField name="provider" label="Provider" options={options.providers} defaultValue={f.provider ?? ""} empty="All providers" />
        <SelectField
          name="family"
          label="Accelerator family"
          options={options.families}
          defaultValue={f.family ?? ""}
          empty="All families"
        />
        <SelectField name="site" label="Site" options={options.sites} defaultValue={f.site ?? ""} empty="All sites" />
        <SelectField name="by" label="Group capacity by" options={options.by} defaultValue={f.by ?? ""} empty="Default" />
        <SelectField name="unit" label="Unit" options={options.units} defaultValue={f.unit ?? ""} empty="Default" />
      </div>
      <TextField
        name="plan"
        label="Plan inputs (for the procurement plan section)"
        defaultValue={values.plan}
        hint="Paste the address of a Procurement plan page to show that plan; empty: the default plan (median demand, 24 months)."
        error={fieldError(error, "scope.plan")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : values.id ? "Save report" : "Create report"}
      </Button>
    </form>
  );
}

export function CreateLinkForm({
  reportId,
  action,
}: {
  reportId: string;
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ token: string; label: string | null }>>;
}) {
  // A refused label is kept in its field (the form resets to its default values after each submission).
  const [refusedLabel, setRefusedLabel] = useState("");
  const [state, formAction, pending] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await action(prev, form);
    setRefusedLabel(result.ok ? "" : formText(form, "label"));
    return result;
  }, null);
  const origin = useSyncExternalStore(noSubscription, browserOrigin, noOrigin);
  const error = state && !state.ok ? state : null;
  const created = state?.ok ? state.data : null;
  const url = created ? `${origin}/r/${created.token}` : null;
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-4" aria-label="Create link">
        <input type="hidden" name="reportId" value={reportId} />
        <div className="w-full sm:w-72">
          <TextField
            name="label"
            label="Label (optional)"
            defaultValue={refusedLabel}
            hint={`To tell this link from others, e.g. “Board pack, March”; up to ${SHARE_LABEL_MAX} characters.`}
            error={fieldError(error, "label")}
          />
        </div>
        <TextField
          name="expiresInDays"
          label="Expires after (days, 1–365)"
          type="number"
          defaultValue="30"
          inputMode="numeric"
          error={fieldError(error, "expiresInDays")}
        />
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="allowCsv" /> Allow CSV of its sections
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create link"}
        </Button>
      </form>
      <FormError state={error} />
      {url ? (
        <div
          role="status"
          data-testid="new-share-link"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <p className="font-medium">
            {created?.label ? `Link “${created.label}” created. ` : "Link created. "}
            Copy it now — it is shown only once and cannot be recovered.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <input
              readOnly
              value={url}
              aria-label="Share link"
              className="min-w-0 flex-1 basis-64 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={url} label="Copy link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function ActionButton({
  label,
  ariaLabel,
  confirm,
  run,
}: {
  label: string;
  ariaLabel?: string;
  confirm: string;
  run: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-label={ariaLabel}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          start(async () => {
            const r = await run();
            if (r.ok) router.refresh();
            else setMessage(r.error);
          });
        }}
      >
        {label}
      </Button>
      {message ? <span className="text-xs text-red-700 dark:text-red-300">{message}</span> : null}
    </span>
  );
}
