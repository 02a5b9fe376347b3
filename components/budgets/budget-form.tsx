"use client";

import Link from "next/link";
import { useState } from "react";
import { EditFormHeader, fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type BudgetFormValues = {
  name: string;
  scopeKind: string;
  providerId: string;
  family: string;
  periodKind: string;
  amount: string;
  currency: string;
  actualThresholdPct: string;
  forecastThresholdPct: string;
  activeFrom: string;
  activeTo: string;
};

type Option = { value: string; label: string };

const SCOPES: Option[] = [
  { value: "lab", label: "The whole lab" },
  { value: "provider", label: "A provider" },
  { value: "family", label: "An accelerator family" },
];
const PERIODS: Option[] = [
  { value: "month", label: "Each month" },
  { value: "quarter", label: "Each quarter" },
  { value: "year", label: "Each year" },
];

const toDetail = (id: string) => `/budgets/${id}`;

export function BudgetForm({
  action,
  providers,
  families,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  providers: Option[];
  families: Option[];
  values: BudgetFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [scope, setScope] = useState(values.scopeKind);
  const initial = (k: keyof BudgetFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof BudgetFormValues) => fieldError(state, k);
  const text = (k: keyof BudgetFormValues, label: string, more: { hint?: string; type?: string; required?: boolean } = {}) => (
    <TextField name={k} label={label} defaultValue={values[k]} initial={initial(k)} error={err(k)} {...more} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit budget" : "New budget"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", "Name", { required: true })}
        <SelectField
          name="scopeKind"
          label="Scope"
          options={SCOPES}
          defaultValue={values.scopeKind}
          initial={initial("scopeKind")}
          error={err("scopeKind")}
          onChange={setScope}
          required
        />
        {scope === "provider" ? (
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
        ) : null}
        {scope === "family" ? (
          <SelectField
            name="family"
            label="Accelerator family"
            options={families}
            empty="Choose a family"
            defaultValue={values.family}
            initial={initial("family")}
            error={err("family")}
            required
          />
        ) : null}
        <SelectField
          name="periodKind"
          label="Period"
          options={PERIODS}
          defaultValue={values.periodKind}
          initial={initial("periodKind")}
          error={err("periodKind")}
          required
        />
        {text("amount", "Amount per period", { required: true, hint: "Spend allowed in each period, in the currency below." })}
        {text("currency", "Currency", { hint: "ISO 4217; other than USD, converted at HEADROOM_FX_RATES." })}
        {text("actualThresholdPct", "Actual threshold (%)", { required: true, hint: "Flagged when spend to date reaches this share." })}
        {text("forecastThresholdPct", "Forecast threshold (%)", {
          required: true,
          hint: "Flagged when actual + planned to the period's end reaches this share.",
        })}
        {text("activeFrom", "Active from", { type: "date", required: true })}
        {text("activeTo", "Active until", { type: "date", hint: "Exclusive; empty: every period from the start on." })}
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create budget"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/budgets"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
