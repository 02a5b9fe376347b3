"use client";

import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type SkuMappingValues = {
  providerId: string;
  skuId: string;
  regionId: string;
  acceleratorTypeId: string;
  acceleratorsPerUnit: string;
};

const toDetail = (id: string) => `/settings/sku-mappings/${id}?saved=1`;

export function SkuMappingForm({
  action,
  values,
  edit,
  providers,
  types,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: SkuMappingValues;
  edit?: { id: string; version: number };
  providers: { value: string; label: string }[];
  types: { value: string; label: string }[];
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof SkuMappingValues) => (edit ? values[k] : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label={edit ? "Edit SKU mapping" : "New SKU mapping"}>
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
        <SelectField
          name="providerId"
          label="Provider"
          options={providers}
          empty="Choose a provider"
          defaultValue={values.providerId}
          initial={initial("providerId")}
          error={fieldError(state, "providerId")}
          required
        />
        <TextField
          name="skuId"
          label="SKU id"
          hint="The SkuId of the charges, exactly as in the bill (e.g. p5.48xlarge)."
          defaultValue={values.skuId}
          initial={initial("skuId")}
          error={fieldError(state, "skuId")}
          required
        />
        <TextField
          name="regionId"
          label="Region"
          hint="Leave blank for every region; a region's own mapping wins over the blank one."
          defaultValue={values.regionId}
          initial={initial("regionId")}
          error={fieldError(state, "regionId")}
        />
        <SelectField
          name="acceleratorTypeId"
          label="Accelerator type"
          options={types}
          empty="Choose a type"
          defaultValue={values.acceleratorTypeId}
          initial={initial("acceleratorTypeId")}
          error={fieldError(state, "acceleratorTypeId")}
          required
        />
        <TextField
          name="acceleratorsPerUnit"
          label="Accelerators per unit"
          inputMode="decimal"
          hint="Accelerators in one consumed unit, e.g. 8 for an 8-GPU instance-hour."
          defaultValue={values.acceleratorsPerUnit}
          initial={initial("acceleratorsPerUnit")}
          error={fieldError(state, "acceleratorsPerUnit")}
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create mapping"}
      </Button>
    </form>
  );
}
