import { WORKLOAD_KINDS } from "@/lib/enums";
import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";
import { dateField, decimalField, idField, optionalIdField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

// A demand plan: a named workload needing accelerators of a family (a count, or H100-equivalents) over a period,
// in the baseline (no scenario) or in one scenario only.
export const CreateDemandPlanInput = z.object({
  name: textField("a name"),
  kind: z.enum(WORKLOAD_KINDS, { message: "Kind must be training, inference, research, platform or external." }),
  workloadId: optionalIdField("a workload"),
  scenarioId: optionalIdField("a scenario"),
  acceleratorFamily: textField("an accelerator family", 100),
  acceleratorTypeId: optionalIdField("an accelerator type"),
  accelerators: z.preprocess(
    blankToNull,
    z.coerce
      .number({ message: "Accelerators must be a whole number." })
      .int("Accelerators must be a whole number.")
      .min(1, "Accelerators must be at least 1.")
      .max(10_000_000, "Accelerators is at most 10,000,000.")
      .nullable(),
  ),
  h100Equivalents: z.preprocess(blankToNull, decimalField("the H100-equivalents", 2, "9999999999").nullable()),
  startDate: dateField("a start date"),
  endDate: dateField("an end date"),
  priority: z.coerce
    .number({ message: "Priority is 1 to 5." })
    .int("Priority is 1 to 5.")
    .min(1, "Priority is 1 to 5.")
    .max(5, "Priority is 1 to 5."),
  notes: optionalTextField("notes", 2000),
});

export type CreateDemandPlanInput = z.infer<typeof CreateDemandPlanInput>;

/** The rules on a whole plan (also on an edit's merged fields): end after start, and a size. */
export function demandPlanIssues(
  p: Pick<CreateDemandPlanInput, "startDate" | "endDate" | "accelerators" | "h100Equivalents">,
): Record<string, string> {
  const issues: Record<string, string> = {};
  if (!(p.endDate > p.startDate)) issues.endDate = "The end date must be after the start date.";
  if (p.accelerators === null && !(p.h100Equivalents !== null && dec(p.h100Equivalents).greaterThan(0)))
    issues.accelerators = "Give the plan's size: accelerators, H100-equivalents or both.";
  return issues;
}

export const UpdateDemandPlanInput = z.object({
  id: idField("a demand plan"),
  version: versionField,
  changes: CreateDemandPlanInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});

export const ArchiveDemandPlanInput = z.object({ id: idField("a demand plan"), version: versionField });
