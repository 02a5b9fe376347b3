import { CONTRACT_STATUSES, PAYMENT_TERMS } from "@/lib/enums";
import { z } from "zod";
import { currencyField, dateField, decimalField, idField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

// Field rules of a contract on resolved ids (a bulk import resolves provider names to ids first).
export const ContractFields = z.object({
  providerId: idField("a provider"),
  name: textField("a name"),
  reference: optionalTextField("reference", 100),
  startDate: dateField("a start date"),
  endDate: dateField("an end date"),
  committedAmount: decimalField("the committed amount", 4, "9999999999999999"),
  currency: currencyField,
  discountPct: z.preprocess((v) => (v === undefined || v === "" ? "0" : v), decimalField("the discount", 2, "100")),
  paymentTerms: z.enum(PAYMENT_TERMS, { message: "Payment terms must be upfront, monthly or usage-based." }),
  status: z.enum(CONTRACT_STATUSES, { message: "Choose a status." }),
  notes: optionalTextField("notes", 2000),
});

/** The end-after-start rule, on a full or merged set of fields. */
export function contractPeriodIssue(c: { startDate: string; endDate: string }): string | null {
  return c.endDate > c.startDate ? null : "The end date must be after the start date.";
}

const isDay = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

// Checked even when other fields fail, so every message shows at once.
export const CreateContractInput = ContractFields.refine((c) => contractPeriodIssue(c) === null, {
  path: ["endDate"],
  message: "The end date must be after the start date.",
  when: ({ value }) => isDay((value as Record<string, unknown>)?.startDate) && isDay((value as Record<string, unknown>)?.endDate),
});
export type CreateContractInput = z.infer<typeof CreateContractInput>;

export const UpdateContractInput = z.object({
  id: idField("a contract"),
  version: versionField,
  changes: ContractFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateContractInput = z.infer<typeof UpdateContractInput>;

export const ArchiveContractInput = z.object({ id: idField("a contract"), version: versionField });
export type ArchiveContractInput = z.infer<typeof ArchiveContractInput>;
