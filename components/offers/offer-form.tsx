"use client";

import Link from "next/link";
import { EditFormHeader, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { OFFER_PRICING_LABELS, OFFER_SOURCES } from "@/lib/enums";

export type OfferFormValues = {
  providerId: string;
  siteId: string;
  region: string;
  acceleratorTypeId: string;
  pricingModel: string;
  termMonths: string;
  rate: string;
  currency: string;
  capexPerAccelerator: string;
  facilityCapexPerW: string;
  depreciationYears: string;
  powerPerMwh: string;
  opexPerAh: string;
  minQuantity: string;
  maxQuantity: string;
  step: string;
  leadTimeDays: string;
  validFrom: string;
  validUntil: string;
  source: string;
  note: string;
};

type Option = { value: string; label: string };

const PRICING_OPTIONS = Object.entries(OFFER_PRICING_LABELS).map(([value, label]) => ({ value, label }));
const SOURCE_OPTIONS = OFFER_SOURCES.map((s) => ({ value: s, label: s }));

const toDetail = (id: string) => `/offers/${id}`;

export function OfferForm({
  action,
  options,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  options: { providers: Option[]; sites: Option[]; types: Option[] };
  values: OfferFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const common = (k: keyof OfferFormValues) => ({
    name: k,
    defaultValue: values[k],
    initial: edit ? values[k] : undefined,
    error: fieldError(state, k),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit offer" : "New offer"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField label="Provider" options={options.providers} empty="Choose a provider" required {...common("providerId")} />
        <SelectField label="Accelerator type" options={options.types} empty="Choose a type" required {...common("acceleratorTypeId")} />
        <SelectField
          label="Site"
          options={options.sites}
          empty="No site (a cloud region)"
          hint="Where our power budget applies; a build is always at a site."
          {...common("siteId")}
        />
        <TextField label="Region" hint="The cloud region, when the offer has no site of ours." {...common("region")} />
        <SelectField label="Pricing model" options={PRICING_OPTIONS} {...common("pricingModel")} />
        <TextField label="Term (months)" inputMode="numeric" hint="Reserved and owned offers only." {...common("termMonths")} />
        <TextField
          label="Rate per accelerator-hour"
          inputMode="decimal"
          hint="Leased offers. A build's rate is computed from its inputs below."
          {...common("rate")}
        />
        <TextField label="Currency" hint="ISO 4217, e.g. USD." required {...common("currency")} />
        <TextField label="Minimum quantity" inputMode="numeric" required {...common("minQuantity")} />
        <TextField label="Maximum quantity" inputMode="numeric" hint="Blank: no limit." {...common("maxQuantity")} />
        <TextField
          label="Step (block size)"
          inputMode="numeric"
          hint="Quantities are whole steps: 8, 64, 1,024…"
          required
          {...common("step")}
        />
        <TextField
          label="Lead time (days)"
          inputMode="numeric"
          hint="Time in the queue before capacity can start."
          required
          {...common("leadTimeDays")}
        />
        <TextField label="Valid from" type="date" required {...common("validFrom")} />
        <TextField label="Valid until" type="date" hint="Blank: until withdrawn." {...common("validUntil")} />
        <SelectField label="Source" options={SOURCE_OPTIONS} {...common("source")} />
      </div>
      <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-medium">Build inputs (owned offers only)</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Capex per accelerator" inputMode="decimal" hint="Server share included." {...common("capexPerAccelerator")} />
          <TextField
            label="Facility capex per W"
            inputMode="decimal"
            hint="Per W of IT load; $10 per W = $10 M per MW."
            {...common("facilityCapexPerW")}
          />
          <TextField label="Depreciation (years)" inputMode="decimal" {...common("depreciationYears")} />
          <TextField label="Power price per MWh" inputMode="decimal" {...common("powerPerMwh")} />
          <TextField label="Opex per accelerator-hour" inputMode="decimal" {...common("opexPerAh")} />
        </div>
      </fieldset>
      <TextAreaField label="Note" hint="Where the price comes from: the quote, the catalog file and region." {...common("note")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create offer"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/offers"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
