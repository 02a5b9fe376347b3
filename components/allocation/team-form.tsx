"use client";

import Link from "next/link";
import { EditFormHeader, fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type TeamFormValues = { name: string; costCentre: string; parentId: string };

const toDetail = (id: string) => `/allocation/teams/${id}`;

export function TeamForm({
  action,
  parents,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  parents: { value: string; label: string }[];
  values: TeamFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof TeamFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof TeamFormValues) => fieldError(state, k);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit team" : "New team"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} initial={initial("name")} error={err("name")} required />
        <TextField
          name="costCentre"
          label="Cost centre"
          hint="The finance code chargeback lines carry."
          defaultValue={values.costCentre}
          initial={initial("costCentre")}
          error={err("costCentre")}
        />
        <SelectField
          name="parentId"
          label="Parent team"
          hint="Teams nest at most 4 levels deep."
          options={parents}
          empty="None (a top-level team)"
          defaultValue={values.parentId}
          initial={initial("parentId")}
          error={err("parentId")}
        />
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create team"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/allocation/teams"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
