"use client";

import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type ContractMappingValues = {
  providerId: string;
  serviceName: string;
  skuId: string;
  regionId: string;
  tagKey: string;
  tagValue: string;
  subAccountId: string;
  contractId: string;
};

const toDetail = (id: string) => `/costs/mappings/${id}?saved=1`;

/** A rule sending a provider's charges with the given fields to a contract (blank fields match anything). */
export function ContractMappingForm({
  action,
  values,
  providers,
  contracts,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: ContractMappingValues;
  providers: { value: string; label: string }[];
  contracts: { value: string; label: string }[];
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const text = (name: keyof ContractMappingValues, label: string, hint?: string) => (
    <TextField name={name} label={label} hint={hint} defaultValue={values[name]} error={fieldError(state, name)} />
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label="New contract mapping">
      {state ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="providerId"
          label="Provider"
          options={providers}
          empty="Choose a provider"
          defaultValue={values.providerId}
          error={fieldError(state, "providerId")}
          required
        />
        <SelectField
          name="contractId"
          label="Contract"
          hint="The provider's contract these charges count toward. Only charges in its currency and term are tied."
          options={contracts}
          empty="Choose a contract"
          defaultValue={values.contractId}
          error={fieldError(state, "contractId")}
          required
        />
        {text("serviceName", "Service", "ServiceName, any case (e.g. Object Storage).")}
        {text("skuId", "SKU id", "SkuId exactly as in the bill.")}
        {text("regionId", "Region", "RegionId, any case.")}
        {text("subAccountId", "Sub-account", "SubAccountId exactly as in the bill.")}
        {text("tagKey", "Tag key", "With a value: charges tagged key=value (user: prefix included).")}
        {text("tagValue", "Tag value")}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Fill in at least one field; a charge must match every field you fill in. Leave a field blank to match any value.
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Create mapping"}
      </Button>
    </form>
  );
}
