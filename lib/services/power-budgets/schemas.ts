import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";
import { dateField, decimalField, idField, optionalDateField, versionField } from "@/lib/validation/fields";

export const contractedMwField = decimalField("the contracted MW", 3, "9999999.999").refine(
  (v) => dec(v).gt(0),
  "Contracted MW must be more than 0.",
);

/** End-after-start on a step; an open end (null) is always after. */
export function budgetPeriodIssue(b: { effectiveFrom: string; effectiveTo: string | null }): string | null {
  return b.effectiveTo === null || b.effectiveTo > b.effectiveFrom ? null : "The end must be after the start.";
}

// One step of a site's power ramp: [effectiveFrom, effectiveTo) at contractedMw; effectiveTo null = open-ended.
export const PowerBudgetFields = z.object({
  siteId: idField("a site"),
  effectiveFrom: dateField("the start date"),
  effectiveTo: optionalDateField("the end date"),
  contractedMw: contractedMwField,
});

export const CreatePowerBudgetInput = PowerBudgetFields.superRefine((b, ctx) => {
  const issue = budgetPeriodIssue(b);
  if (issue) ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: issue });
});
export type CreatePowerBudgetInput = z.infer<typeof CreatePowerBudgetInput>;

export const UpdatePowerBudgetInput = z.object({
  id: idField("a power budget step"),
  version: versionField,
  changes: PowerBudgetFields.omit({ siteId: true })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdatePowerBudgetInput = z.infer<typeof UpdatePowerBudgetInput>;

export const DeletePowerBudgetInput = z.object({ id: idField("a power budget step"), version: versionField });
export type DeletePowerBudgetInput = z.infer<typeof DeletePowerBudgetInput>;
