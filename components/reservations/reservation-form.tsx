"use client";

import Link from "next/link";
import { EditFormHeader, fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { RESERVATION_STATUSES } from "@/lib/enums";

export type ReservationFormValues = {
  name: string;
  providerId: string;
  siteId: string;
  acceleratorTypeId: string;
  contractId: string;
  quantity: string;
  startAt: string;
  endAt: string;
  pricingModel: string;
  rate: string;
  currency: string;
  status: string;
  deliveryDate: string;
  capacityReservationId: string;
};

type Option = { value: string; label: string };

const STATUS_OPTIONS = RESERVATION_STATUSES.map((s) => ({ value: s, label: s }));
const PRICING_OPTIONS = [
  { value: "reserved", label: "Reserved" },
  { value: "on_demand", label: "On-demand" },
  { value: "spot", label: "Spot" },
];

const toDetail = (id: string) => `/reservations/${id}`;

export function ReservationForm({
  action,
  options,
  values,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  options: { providers: Option[]; sites: Option[]; types: Option[]; contracts: Option[] };
  values: ReservationFormValues;
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const initial = (k: keyof ReservationFormValues) => (edit ? values[k] : undefined);
  const common = (k: keyof ReservationFormValues) => ({
    name: k,
    defaultValue: values[k],
    initial: initial(k),
    error: fieldError(state, k),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label={edit ? "Edit reservation" : "New reservation"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField label="Name" required {...common("name")} />
        <SelectField label="Provider" options={options.providers} empty="Choose a provider" required {...common("providerId")} />
        <SelectField label="Site" options={options.sites} empty="Choose a site" required {...common("siteId")} />
        <SelectField label="Accelerator type" options={options.types} empty="Choose a type" required {...common("acceleratorTypeId")} />
        <SelectField
          label="Contract"
          options={options.contracts}
          empty="No contract"
          hint="Same provider; the block must lie within its term."
          {...common("contractId")}
        />
        <TextField label="Quantity (accelerators)" inputMode="numeric" required {...common("quantity")} />
        <TextField label="Start" type="date" required {...common("startAt")} />
        <TextField label="End" type="date" hint="The block runs up to this date (UTC)." required {...common("endAt")} />
        <SelectField label="Pricing model" options={PRICING_OPTIONS} {...common("pricingModel")} />
        <TextField label="Rate per accelerator-hour" inputMode="decimal" required {...common("rate")} />
        <TextField label="Currency" hint="ISO 4217, e.g. USD." required {...common("currency")} />
        <SelectField label="Status" options={STATUS_OPTIONS} {...common("status")} />
        <TextField
          label="Delivery date"
          type="date"
          hint="When the capacity actually arrives; later than the start means late."
          {...common("deliveryDate")}
        />
        <TextField
          label="Capacity reservation id"
          hint="The provider's id, as in billing (CapacityReservationId)."
          {...common("capacityReservationId")}
        />
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create reservation"}
        </Button>
        <Link href={edit ? toDetail(edit.id) : "/reservations"} className="inline-flex h-9 items-center px-3 text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
