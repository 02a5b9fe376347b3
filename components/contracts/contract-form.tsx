"use client";

import Link from "next/link";
import { EditFormHeader, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { CONTRACT_STATUSES } from "@/lib/enums";

export type ContractFormValues = {
  providerId: string;
  name: string;
  reference: string;
  startDate: string;
  endDate: string;
  committedAmount: string;
  currency: string;
  discountPct: string;
  paymentTerms: string;
  status: string;
  notes: string;
};

const STATUS_OPTIONS = CONTRACT_STATUSES.map((s) => ({ value: s, label: s }));
const TERMS_OPTIONS = [
  { value: "monthly", label: "Monthly" },
  { value: "upfront", label: "Upfront" },
  { value: "usage_based", label: "Usage-based" },
];

const toDetail = (id: string) => `/contracts/${id}`;

export function ContractForm({
  action,
  providers,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  providers: { value: string; label: string }[];
  values: ContractFormValues;
  /** Present when editing: the record and the version the edit starts from. */
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof ContractFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof ContractFormValues) => fieldError(state, k);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit contract" : "New contract"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
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
          name="reference"
          label="Reference"
          hint="The provider's agreement number; unique per provider."
          defaultValue={values.reference}
          initial={initial("reference")}
          error={err("reference")}
        />
        <SelectField
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          defaultValue={values.status}
          initial={initial("status")}
          error={err("status")}
        />
        <TextField
          name="startDate"
          label="Start date"
          type="date"
          defaultValue={values.startDate}
          initial={initial("startDate")}
          error={err("startDate")}
          required
        />
        <TextField
          name="endDate"
          label="End date"
          type="date"
          hint="The term runs up to this date."
          defaultValue={values.endDate}
          initial={initial("endDate")}
          error={err("endDate")}
          required
        />
        <TextField
          name="committedAmount"
          label="Committed amount"
          inputMode="decimal"
          defaultValue={values.committedAmount}
          initial={initial("committedAmount")}
          error={err("committedAmount")}
          required
        />
        <TextField
          name="currency"
          label="Currency"
          hint="ISO 4217, e.g. USD."
          defaultValue={values.currency}
          initial={initial("currency")}
          error={err("currency")}
          required
        />
        <TextField
          name="discountPct"
          label="Discount %"
          inputMode="decimal"
          defaultValue={values.discountPct}
          initial={initial("discountPct")}
          error={err("discountPct")}
        />
        <SelectField
          name="paymentTerms"
          label="Payment terms"
          options={TERMS_OPTIONS}
          defaultValue={values.paymentTerms}
          initial={initial("paymentTerms")}
          error={err("paymentTerms")}
        />
      </div>
      <TextAreaField name="notes" label="Notes" defaultValue={values.notes} initial={initial("notes")} error={err("notes")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create contract"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/contracts"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
