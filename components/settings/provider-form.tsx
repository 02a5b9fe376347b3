"use client";

import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { PROVIDER_KIND_OPTIONS } from "./options";

const toDetail = (id: string) => `/settings/providers/${id}`;

export function ProviderForm({
  action,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: { name: string; kind: string };
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: "name" | "kind") => (edit ? values[k] : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={edit ? "Edit provider" : "New provider"}>
      {state?.conflict ? (
        <ConflictNotice conflict={state.conflict} message={state.error} />
      ) : state ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="name"
          label="Name"
          defaultValue={values.name}
          initial={initial("name")}
          error={fieldError(state, "name")}
          required
        />
        <SelectField
          name="kind"
          label="Kind"
          options={PROVIDER_KIND_OPTIONS}
          empty="Choose a kind"
          defaultValue={values.kind}
          initial={initial("kind")}
          error={fieldError(state, "kind")}
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create provider"}
      </Button>
    </form>
  );
}
