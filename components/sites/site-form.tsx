"use client";

import Link from "next/link";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type SiteFormValues = { name: string; providerId: string; regionCode: string; country: string; pue: string };

const toDetail = (id: string) => `/sites/${id}`;

export function SiteForm({
  action,
  providers,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  providers: { value: string; label: string }[];
  values: SiteFormValues;
  /** Present when editing: the record and the version the edit starts from. */
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof SiteFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof SiteFormValues) => fieldError(state, k);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit site" : "New site"}>
      {state?.conflict ? (
        <div className="space-y-2">
          <ConflictNotice conflict={state.conflict} message={state.error} />
          <a href={`${toDetail(edit!.id)}/edit`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
            Reload the current version
          </a>
        </div>
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
        <TextField name="name" label="Name" defaultValue={values.name} initial={initial("name")} error={err("name")} required />
        <SelectField
          name="providerId"
          label="Provider"
          options={providers}
          empty="Choose a provider"
          defaultValue={values.providerId}
          initial={initial("providerId")}
          error={err("providerId")}
          required
        />
        <TextField
          name="regionCode"
          label="Region code"
          hint="The provider's region, e.g. us-abilene-1."
          defaultValue={values.regionCode}
          initial={initial("regionCode")}
          error={err("regionCode")}
          required
        />
        <TextField
          name="country"
          label="Country"
          hint="ISO 3166 two-letter code, e.g. US."
          defaultValue={values.country}
          initial={initial("country")}
          error={err("country")}
          required
        />
        <TextField
          name="pue"
          label="PUE"
          inputMode="decimal"
          hint="Facility power ÷ IT power, between 1 and 3."
          defaultValue={values.pue}
          initial={initial("pue")}
          error={err("pue")}
          required
        />
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create site"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/sites"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
