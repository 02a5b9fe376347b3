import { RESERVATION_STATUSES, PRICING_MODELS } from "@/lib/enums";
import { z } from "zod";
import {
  currencyField,
  decimalField,
  idField,
  instantField,
  numberInput,
  optionalDateField,
  optionalIdField,
  optionalTextField,
  textField,
  versionField,
} from "@/lib/validation/fields";

// Field rules of a reservation on resolved ids (a bulk import resolves provider/site/type/contract names first).
export const ReservationFields = z.object({
  name: textField("a name"),
  providerId: idField("a provider"),
  siteId: idField("a site"),
  acceleratorTypeId: idField("an accelerator type"),
  contractId: optionalIdField("a contract"),
  quantity: z.preprocess(
    numberInput("quantity"),
    z.coerce
      .number({ message: "Enter a quantity." })
      .int("Quantity must be a whole number.")
      .min(1, "Quantity must be at least 1.")
      .max(10_000_000, "Quantity is at most 10,000,000."),
  ),
  startAt: instantField("a start"),
  endAt: instantField("an end"),
  pricingModel: z.enum(PRICING_MODELS, { message: "Pricing model must be reserved, on-demand or spot." }),
  rate: decimalField("the rate", 6, "99999999"),
  currency: currencyField,
  status: z.enum(RESERVATION_STATUSES, { message: "Choose a status." }),
  deliveryDate: optionalDateField("a delivery date"),
  capacityReservationId: optionalTextField("capacity reservation id", 200),
});

export function reservationPeriodIssue(r: { startAt: Date; endAt: Date }): string | null {
  return r.endAt > r.startAt ? null : "The end must be after the start.";
}

const isInstant = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());

// Checked even when other fields fail, so every message shows at once.
export const CreateReservationInput = ReservationFields.refine((r) => reservationPeriodIssue(r) === null, {
  path: ["endAt"],
  message: "The end must be after the start.",
  when: ({ value }) => isInstant((value as Record<string, unknown>)?.startAt) && isInstant((value as Record<string, unknown>)?.endAt),
});
export type CreateReservationInput = z.infer<typeof CreateReservationInput>;

export const UpdateReservationInput = z.object({
  id: idField("a reservation"),
  version: versionField,
  changes: ReservationFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateReservationInput = z.infer<typeof UpdateReservationInput>;

export const ArchiveReservationInput = z.object({ id: idField("a reservation"), version: versionField });
export type ArchiveReservationInput = z.infer<typeof ArchiveReservationInput>;
