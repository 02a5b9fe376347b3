"use client";

import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type AllocationRuleValues = {
  providerId: string;
  serviceName: string;
  skuId: string;
  regionId: string;
  subAccountId: string;
  tagKey: string;
  tagValue: string;
  resourceIdPrefix: string;
  workloadId: string;
  notes: string;
};

const toDetail = (id: string) => `/allocation/rules/${id}?saved=1`;

/** An allocation rule's fields: the charge fields it names (at least one) and the workload their charges go to. */
export function AllocationRuleForm({
  action,
  values,
  edit,
  providers,
  workloads,
  positions,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: AllocationRuleValues;
  edit?: { id: string; version: number };
  providers: { value: string; label: string }[];
  workloads: { value: string; label: string }[];
  /** New rules only: the places it can take (1 … live rules + 1). */
  positions?: number;
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof AllocationRuleValues) => (edit ? values[k] : undefined);
  const text = (name: keyof AllocationRuleValues, label: string, hint?: string) => (
    <TextField name={name} label={label} hint={hint} defaultValue={values[name]} initial={initial(name)} error={fieldError(state, name)} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={edit ? "Edit allocation rule" : "New allocation rule"}>
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
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A charge matches when every field you fill in equals its own; leave the others blank. Service and region ignore case.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="providerId"
          label="Provider"
          options={providers}
          empty="Any provider"
          defaultValue={values.providerId}
          initial={initial("providerId")}
          error={fieldError(state, "providerId")}
        />
        {text("serviceName", "Service", "The ServiceName of the charges, e.g. Object storage.")}
        {text("skuId", "SKU id")}
        {text("regionId", "Region", "The RegionId, e.g. us-east-1.")}
        {text("subAccountId", "Sub-account", "The SubAccountId (an AWS account, an Azure subscription, a GCP project).")}
        {text("resourceIdPrefix", "Resource id starts with", "e.g. arn:aws:s3:::checkpoints-")}
        {text("tagKey", "Tag key", "A tag the charges carry; user:key is read too.")}
        {text("tagValue", "Tag value")}
        <SelectField
          name="workloadId"
          label="Goes to workload"
          options={workloads}
          empty="Choose a workload"
          defaultValue={values.workloadId}
          initial={initial("workloadId")}
          error={fieldError(state, "workloadId")}
          required
        />
        {positions ? (
          <SelectField
            name="position"
            label="Place in the order"
            options={Array.from({ length: positions }, (_, i) => ({
              value: String(i + 1),
              label: i + 1 === positions ? `${i + 1} (last)` : String(i + 1),
            }))}
            defaultValue={String(positions)}
            error={fieldError(state, "position")}
          />
        ) : null}
      </div>
      <TextAreaField name="notes" label="Notes" defaultValue={values.notes} initial={initial("notes")} error={fieldError(state, "notes")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create rule"}
      </Button>
    </form>
  );
}
