"use client";

import { useState } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/errors";
import { H100_SXM_BF16_DENSE_TFLOPS, nameplateH100e } from "@/lib/metrics/h100e";

export type AcceleratorFormValues = {
  name: string;
  vendor: string;
  family: string;
  memoryGb: string;
  bf16Tflops: string;
  fp8Tflops: string;
  tdpW: string;
  systemW: string;
  h100Equivalent: string;
};

const toDetail = (id: string) => `/settings/accelerators/${id}`;

function nameplate(bf16: string): string | null {
  if (!/^\d+(\.\d+)?$/.test(bf16.trim().replaceAll(",", "")) || Number(bf16) <= 0) return null;
  return nameplateH100e(bf16.trim().replaceAll(",", "")).toFixed();
}

/** The catalog form; the H100-equivalent shows its nameplate default (BF16 ÷ H100 SXM's) live beside it. */
export function AcceleratorForm({
  action,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: AcceleratorFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [bf16, setBf16] = useState(values.bf16Tflops);
  const [factor, setFactor] = useState(values.h100Equivalent);
  const initial = (k: keyof AcceleratorFormValues) => (edit ? values[k] : undefined);
  const err = (k: keyof AcceleratorFormValues) => fieldError(state, k);
  const defaultFactor = nameplate(bf16);
  const factorError = err("h100Equivalent");
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={edit ? "Edit accelerator type" : "New accelerator type"}>
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
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label="Name" defaultValue={values.name} initial={initial("name")} error={err("name")} required />
        <TextField name="vendor" label="Vendor" defaultValue={values.vendor} initial={initial("vendor")} error={err("vendor")} required />
        <TextField
          name="family"
          label="Family"
          hint="Groups types in capacity views, e.g. H100."
          defaultValue={values.family}
          initial={initial("family")}
          error={err("family")}
          required
        />
        <TextField
          name="memoryGb"
          label="Memory (GB)"
          inputMode="decimal"
          defaultValue={values.memoryGb}
          initial={initial("memoryGb")}
          error={err("memoryGb")}
          required
        />
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-bf16Tflops">Peak dense BF16 (TFLOPS)</Label>
          <Input
            id="f-bf16Tflops"
            name="bf16Tflops"
            inputMode="decimal"
            value={bf16}
            onChange={(e) => setBf16(e.target.value)}
            aria-invalid={err("bf16Tflops") ? true : undefined}
            aria-describedby={err("bf16Tflops") ? "f-bf16Tflops-error" : undefined}
          />
          {edit ? <input type="hidden" name="initial:bf16Tflops" value={values.bf16Tflops} /> : null}
          {err("bf16Tflops") ? (
            <p id="f-bf16Tflops-error" className="text-xs font-medium text-red-700 dark:text-red-400">
              {err("bf16Tflops")}
            </p>
          ) : null}
        </div>
        <TextField
          name="fp8Tflops"
          label="Peak dense FP8 (TFLOPS)"
          inputMode="decimal"
          hint="Optional."
          defaultValue={values.fp8Tflops}
          initial={initial("fp8Tflops")}
          error={err("fp8Tflops")}
        />
        <TextField
          name="tdpW"
          label="TDP (W)"
          inputMode="numeric"
          hint="Optional; the chip alone."
          defaultValue={values.tdpW}
          initial={initial("tdpW")}
          error={err("tdpW")}
        />
        <TextField
          name="systemW"
          label="System W per accelerator"
          inputMode="numeric"
          hint="Whole-server share: CPUs, NICs, fans. Drives power."
          defaultValue={values.systemW}
          initial={initial("systemW")}
          error={err("systemW")}
          required
        />
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-h100Equivalent">H100-equivalent factor</Label>
          <div className="flex gap-2">
            <Input
              id="f-h100Equivalent"
              name="h100Equivalent"
              inputMode="decimal"
              value={factor}
              placeholder={edit ? undefined : (defaultFactor ?? "")}
              onChange={(e) => setFactor(e.target.value)}
              aria-invalid={factorError ? true : undefined}
              aria-describedby="f-h100Equivalent-hint"
            />
            <Button
              type="button"
              variant="outline"
              size="sm"
              className="h-9 shrink-0"
              disabled={!defaultFactor || factor === defaultFactor}
              onClick={() => setFactor(defaultFactor ?? "")}
            >
              Use default
            </Button>
          </div>
          {edit ? <input type="hidden" name="initial:h100Equivalent" value={values.h100Equivalent} /> : null}
          <p id="f-h100Equivalent-hint" className="text-xs text-slate-600 dark:text-slate-400" data-testid="nameplate-default">
            Nameplate default: {defaultFactor ?? "—"} (BF16 ÷ H100 SXM&apos;s {H100_SXM_BF16_DENSE_TFLOPS}).{" "}
            {edit ? "A measured speed-up may replace it." : "Left blank, the default is used."}
          </p>
          {factorError ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{factorError}</p> : null}
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create accelerator type"}
      </Button>
    </form>
  );
}
