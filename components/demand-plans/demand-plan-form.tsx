"use client";

import Link from "next/link";
import { EditFormHeader, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import { WORKLOAD_KIND_LABELS, WORKLOAD_KINDS } from "@/lib/enums";
import type { ActionResult } from "@/lib/errors";

export type DemandPlanFormValues = {
  name: string;
  kind: string;
  workloadId: string;
  scenarioId: string;
  acceleratorFamily: string;
  acceleratorTypeId: string;
  accelerators: string;
  h100Equivalents: string;
  startDate: string;
  endDate: string;
  priority: string;
  notes: string;
};

const KINDS = WORKLOAD_KINDS.map((k) => ({ value: k, label: WORKLOAD_KIND_LABELS[k] }));
const PRIORITIES = ["1", "2", "3", "4", "5"].map((p) => ({ value: p, label: p === "1" ? "1 (highest)" : p === "5" ? "5 (lowest)" : p }));

const toDetail = (id: string) => `/demand-plans/${id}`;

export function DemandPlanForm({
  action,
  options,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  options: {
    scenarios: { value: string; label: string }[];
    workloads: { value: string; label: string }[];
    families: { value: string; label: string }[];
    types: { value: string; label: string; family: string }[];
  };
  values: DemandPlanFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof DemandPlanFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof DemandPlanFormValues) => fieldError(state, k);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit demand plan" : "New demand plan"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} initial={initial("name")} error={err("name")} required />
        <SelectField name="kind" label="Kind" options={KINDS} defaultValue={values.kind} initial={initial("kind")} error={err("kind")} />
        <SelectField
          name="workloadId"
          label="Workload"
          hint="The workload this demand belongs to (Allocation › Workloads)."
          options={options.workloads}
          empty="None yet"
          defaultValue={values.workloadId}
          initial={initial("workloadId")}
          error={err("workloadId")}
        />
        <SelectField
          name="scenarioId"
          label="Scenario"
          hint="Baseline plans count everywhere; a scenario's own plan counts only in that scenario."
          options={options.scenarios}
          empty="Baseline (every scenario)"
          defaultValue={values.scenarioId}
          initial={initial("scenarioId")}
          error={err("scenarioId")}
        />
        <SelectField
          name="priority"
          label="Priority"
          options={PRIORITIES}
          defaultValue={values.priority}
          initial={initial("priority")}
          error={err("priority")}
        />
        <SelectField
          name="acceleratorFamily"
          label="Accelerator family"
          options={options.families}
          empty="Choose a family"
          defaultValue={values.acceleratorFamily}
          initial={initial("acceleratorFamily")}
          error={err("acceleratorFamily")}
          required
        />
        <SelectField
          name="acceleratorTypeId"
          label="Accelerator type"
          hint="Optional; its H100-equivalent factor converts accelerators (else the family's average)."
          options={options.types.map((t) => ({ value: t.value, label: `${t.label} (${t.family})` }))}
          empty="Any type of the family"
          defaultValue={values.acceleratorTypeId}
          initial={initial("acceleratorTypeId")}
          error={err("acceleratorTypeId")}
        />
        <TextField
          name="accelerators"
          label="Accelerators"
          inputMode="numeric"
          hint="A count, or give H100-equivalents, or both (H100e wins)."
          defaultValue={values.accelerators}
          initial={initial("accelerators")}
          error={err("accelerators")}
        />
        <TextField
          name="h100Equivalents"
          label="H100-equivalents"
          inputMode="decimal"
          defaultValue={values.h100Equivalents}
          initial={initial("h100Equivalents")}
          error={err("h100Equivalents")}
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
          hint="The plan runs up to this date."
          defaultValue={values.endDate}
          initial={initial("endDate")}
          error={err("endDate")}
          required
        />
      </div>
      <TextAreaField name="notes" label="Notes" defaultValue={values.notes} initial={initial("notes")} error={err("notes")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create demand plan"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/demand-plans"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
