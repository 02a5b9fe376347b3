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
  teamId: string;
  workloadId: string;
  contractId: string;
  unit: string;
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
  { value: "team", label: "A team (with its sub-teams)" },
  { value: "workload", label: "A workload" },
  { value: "contract", label: "A contract" },
];
const UNITS: Option[] = [
  { value: "money", label: "Money" },
  { value: "ah", label: "Accelerator-hours (AH)" },
  { value: "h100e_h", label: "H100-equivalent hours (H100e·h)" },
];
const AMOUNT_HINT: Record<string, string> = {
  money: "Spend allowed in each period, in the currency below.",
  ah: "Accelerator-hours the scope may use in each period.",
  h100e_h: "H100-equivalent hours (AH × the type's H100e factor) the scope may use in each period.",
};

/** The scope pickers: one select per scope kind, shown for its kind only. */
export type BudgetScopeOptions = { providers: Option[]; families: Option[]; teams: Option[]; workloads: Option[]; contracts: Option[] };
const TARGETS = [
  { scope: "provider", name: "providerId", label: "Provider", list: "providers", empty: "Choose a provider" },
  { scope: "family", name: "family", label: "Accelerator family", list: "families", empty: "Choose a family" },
  { scope: "team", name: "teamId", label: "Team", list: "teams", empty: "Choose a team" },
  { scope: "workload", name: "workloadId", label: "Workload", list: "workloads", empty: "Choose a workload" },
  { scope: "contract", name: "contractId", label: "Contract", list: "contracts", empty: "Choose a contract" },
] as const;
const PERIODS: Option[] = [
  { value: "month", label: "Each month" },
  { value: "quarter", label: "Each quarter" },
  { value: "year", label: "Each year" },
];

const toDetail = (id: string) => `/budgets/${id}`;

export function BudgetForm({
  action,
  options,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  options: BudgetScopeOptions;
  values: BudgetFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [scope, setScope] = useState(values.scopeKind);
  const [unit, setUnit] = useState(values.unit);
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
        {TARGETS.filter((t) => t.scope === scope).map((t) => (
          <SelectField
            key={t.name}
            name={t.name}
            label={t.label}
            options={options[t.list]}
            empty={t.empty}
            defaultValue={values[t.name]}
            initial={initial(t.name)}
            error={err(t.name)}
            required
          />
        ))}
        <SelectField
          name="unit"
          label="Unit"
          options={UNITS}
          defaultValue={values.unit}
          initial={initial("unit")}
          error={err("unit")}
          onChange={setUnit}
          required
        />
        <SelectField
          name="periodKind"
          label="Period"
          options={PERIODS}
          defaultValue={values.periodKind}
          initial={initial("periodKind")}
          error={err("periodKind")}
          required
        />
        {text("amount", "Amount per period", { required: true, hint: AMOUNT_HINT[unit] ?? AMOUNT_HINT.money })}
        {unit === "money" ? text("currency", "Currency", { hint: "ISO 4217; other than USD, converted at HEADROOM_FX_RATES." }) : null}
        {text("actualThresholdPct", "Actual threshold (%)", {
          required: true,
          hint: "Flagged when the actual to date reaches this share.",
        })}
        {text("forecastThresholdPct", "Forecast threshold (%)", {
          required: true,
          hint: "Flagged when the forecast to the period's end reaches this share.",
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
