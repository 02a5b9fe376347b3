"use client";

import Link from "next/link";
import { useState } from "react";
import { EditFormHeader, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import { WORKLOAD_KIND_LABELS, WORKLOAD_KINDS } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";

export type WorkloadFormValues = {
  name: string;
  kind: string;
  teamId: string;
  activeFrom: string;
  activeTo: string;
  salePrice: string;
  currency: string;
  notes: string;
};

const KINDS = WORKLOAD_KINDS.map((k) => ({ value: k, label: WORKLOAD_KIND_LABELS[k] }));
const PRICE_FIELDS = ["salePrice", "currency"] as const;

const toDetail = (id: string) => `/allocation/workloads/${id}`;

export function WorkloadForm({
  action,
  teams,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  teams: { value: string; label: string }[];
  values: WorkloadFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [kind, setKind] = useState(values.kind);
  const initial = (k: keyof WorkloadFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof WorkloadFormValues) => fieldError(state, k);
  const external = kind === "external";
  return (
    <form
      onSubmit={onSubmit}
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement && e.target.name === "kind") setKind(e.target.value);
      }}
      noValidate
      className="mt-6 space-y-5"
      aria-label={edit ? "Edit workload" : "New workload"}
    >
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} initial={initial("name")} error={err("name")} required />
        <SelectField
          name="kind"
          label="Kind"
          hint="External: a customer of capacity the lab resells."
          options={KINDS}
          defaultValue={values.kind}
          initial={initial("kind")}
          error={err("kind")}
        />
        <SelectField
          name="teamId"
          label="Owning team"
          options={teams}
          empty="Choose a team"
          defaultValue={values.teamId}
          initial={initial("teamId")}
          error={err("teamId")}
          required
        />
        <div className="hidden sm:block" />
        <TextField
          name="activeFrom"
          label="Active from"
          type="date"
          defaultValue={values.activeFrom}
          initial={initial("activeFrom")}
          error={err("activeFrom")}
          required
        />
        <TextField
          name="activeTo"
          label="Active until"
          type="date"
          hint="Blank while it runs; the period is [from, until)."
          defaultValue={values.activeTo}
          initial={initial("activeTo")}
          error={err("activeTo")}
        />
        {external ? (
          <>
            <TextField
              name="salePrice"
              label="Sale price per accelerator-hour"
              inputMode="decimal"
              hint="What the customer pays, up to 6 decimals."
              defaultValue={values.salePrice}
              initial={initial("salePrice")}
              error={err("salePrice")}
              required
            />
            <TextField
              name="currency"
              label="Currency"
              hint="ISO 4217, like USD."
              defaultValue={values.currency || "USD"}
              initial={initial("currency")}
              error={err("currency")}
              required
            />
          </>
        ) : (
          // Only external workloads carry a price: any other kind saves it blank.
          PRICE_FIELDS.map((f) => (
            <span key={f} hidden>
              <input type="hidden" name={f} value="" />
              {edit ? <input type="hidden" name={`initial:${f}`} value={values[f]} /> : null}
            </span>
          ))
        )}
      </div>
      <TextAreaField name="notes" label="Notes" defaultValue={values.notes} initial={initial("notes")} error={err("notes")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create workload"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/allocation/workloads"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
