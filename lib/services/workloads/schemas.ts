import { WORKLOAD_KINDS } from "@/lib/enums";
import { z } from "zod";
import {
  currencyField,
  dateField,
  decimalField,
  idField,
  optionalDateField,
  optionalTextField,
  textField,
  versionField,
} from "@/lib/validation/fields";

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

// A workload: what uses the compute, owned by a team, active over [from, to). An `external` one is a customer of capacity
// the lab resells, at a sale price per accelerator-hour in a currency.
export const WorkloadFields = z.object({
  name: textField("a name", 100),
  kind: z.enum(WORKLOAD_KINDS, { message: "Kind must be training, inference, research, platform or external." }),
  teamId: idField("the owning team"),
  activeFrom: dateField("the start of the active period"),
  activeTo: optionalDateField("the end of the active period"),
  salePrice: z.preprocess(blankToNull, decimalField("the sale price per accelerator-hour", 6, "99999999").nullable()),
  currency: z.preprocess(blankToNull, currencyField.nullable()),
  notes: optionalTextField("notes", 1000),
});
type WorkloadValues = z.infer<typeof WorkloadFields>;

/** The rules between fields, as messages by field: a period that ends after it starts; a sale price and currency for external workloads only. */
export function workloadIssues(w: WorkloadValues): Record<string, string> {
  const issues: Record<string, string> = {};
  if (w.activeTo !== null && w.activeTo <= w.activeFrom) issues.activeTo = "The active period must end after it starts.";
  if (w.kind === "external") {
    if (w.salePrice === null) issues.salePrice = "An external workload resells capacity: enter its sale price per accelerator-hour.";
    if (w.currency === null) issues.currency = "Enter the currency of the sale price, like USD.";
  } else {
    if (w.salePrice !== null) issues.salePrice = "A sale price is for external workloads only; leave it blank.";
    if (w.currency !== null) issues.currency = "A currency goes with the sale price of an external workload only; leave it blank.";
  }
  return issues;
}

export const CreateWorkloadInput = WorkloadFields.superRefine((w, ctx) => {
  for (const [field, message] of Object.entries(workloadIssues(w))) ctx.addIssue({ code: "custom", path: [field], message });
});
export type CreateWorkloadInput = z.infer<typeof CreateWorkloadInput>;

export const UpdateWorkloadInput = z.object({
  id: idField("a workload"),
  version: versionField,
  changes: WorkloadFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateWorkloadInput = z.infer<typeof UpdateWorkloadInput>;

export const ArchiveWorkloadInput = z.object({ id: idField("a workload"), version: versionField });
