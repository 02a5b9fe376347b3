import type { ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ConflictNotice } from "@/components/history/conflict-notice";
import type { ActionError } from "@/lib/errors";

/** Field errors of a verb come keyed by the field (`name`) or, for edits, by `changes.name`. */
export function fieldError(state: ActionError | null | undefined, name: string): string | undefined {
  const errors = state?.fieldErrors;
  return (errors?.[name] ?? errors?.[`changes.${name}`])?.[0];
}

/** `idPrefix` (default "f-") keeps ids unique when one page holds several forms with the same fields. */
type Common = { name: string; label: string; error?: string; hint?: string; initial?: string; required?: boolean; idPrefix?: string };

function Shell({ name, label, error, hint, idPrefix = "f-", children }: Common & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`${idPrefix}${name}`}>{label}</Label>
      {children}
      {hint && !error ? (
        <p id={`${idPrefix}${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${idPrefix}${name}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, error?: string, hint?: string, idPrefix = "f-"): string | undefined {
  return error ? `${idPrefix}${name}-error` : hint ? `${idPrefix}${name}-hint` : undefined;
}

/** The initial value travels with the field so an edit can send only what changed. */
function Initial({ name, initial }: { name: string; initial?: string }) {
  return initial === undefined ? null : <input type="hidden" name={`initial:${name}`} value={initial} />;
}

export function TextField(props: Common & { type?: string; defaultValue?: string; inputMode?: "decimal" | "numeric"; step?: string }) {
  const { name, error, hint, type = "text", defaultValue, initial, required, inputMode, step, idPrefix = "f-" } = props;
  return (
    <Shell {...props}>
      <Input
        id={`${idPrefix}${name}`}
        name={name}
        type={type}
        step={step}
        inputMode={inputMode}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint, idPrefix)}
      />
      <Initial name={name} initial={initial} />
    </Shell>
  );
}

export function SelectField(
  props: Common & {
    options: { value: string; label: string }[];
    defaultValue?: string;
    empty?: string;
    onChange?: (value: string) => void;
  },
) {
  const { name, error, hint, options, defaultValue, initial, empty, required, onChange, idPrefix = "f-" } = props;
  return (
    <Shell {...props}>
      <select
        id={`${idPrefix}${name}`}
        name={name}
        defaultValue={defaultValue ?? ""}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint, idPrefix)}
        className="h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Initial name={name} initial={initial} />
    </Shell>
  );
}

export function TextAreaField(props: Common & { defaultValue?: string }) {
  const { name, error, hint, defaultValue, initial, idPrefix = "f-" } = props;
  return (
    <Shell {...props}>
      <textarea
        id={`${idPrefix}${name}`}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, hint, idPrefix)}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <Initial name={name} initial={initial} />
    </Shell>
  );
}

/** The form-level outcome: a general error (field errors sit beside their fields). */
export function FormError({ state }: { state: ActionError | null | undefined }) {
  if (!state || state.conflict) return null;
  const besideFields = Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      {besideFields ? "Nothing was saved. Please fix the fields marked below." : state.error}
    </p>
  );
}

/** The top of an edit form: a stale-save notice with a link to reload, the form error, and the id and version the edit started from. */
export function EditFormHeader({
  state,
  edit,
  toDetail,
}: {
  state: ActionError | null | undefined;
  edit?: { id: string; version: number };
  toDetail: (id: string) => string;
}) {
  return (
    <>
      {state?.conflict && edit ? (
        <div className="space-y-2">
          <ConflictNotice conflict={state.conflict} message={state.error} />
          <a href={`${toDetail(edit.id)}/edit`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
            Reload the current version
          </a>
        </div>
      ) : null}
      <FormError state={state} />
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
    </>
  );
}
