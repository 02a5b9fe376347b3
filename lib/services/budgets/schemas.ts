import { z } from "zod";
import { BUDGET_PERIOD_KINDS, BUDGET_SCOPE_KINDS, BUDGET_UNITS } from "@/lib/enums";
import { dec } from "@/lib/metrics/decimal";
import {
  currencyField,
  dateField,
  decimalField,
  idField,
  optionalDateField,
  optionalIdField,
  optionalTextField,
  textField,
  versionField,
} from "@/lib/validation/fields";

const positive = (label: string, scale: number, max: string) =>
  decimalField(label, scale, max).refine(
    (v) => dec(v).gt(0),
    `${label.replace(/^(a|an|the) /, "").replace(/^./, (c) => c.toUpperCase())} must be more than 0.`,
  );

// A budget's fields; which one of providerId, family, teamId, workloadId and contractId it needs depends on the
// scope, checked on the saved row (rules.ts).
export const CreateBudgetInput = z.object({
  name: textField("a name", 100),
  scopeKind: z.enum(BUDGET_SCOPE_KINDS, {
    message: "Scope must be the lab, a provider, a family, a team, a workload or a contract.",
  }),
  providerId: optionalIdField("a provider"),
  family: optionalTextField("a family", 100),
  teamId: optionalIdField("a team"),
  workloadId: optionalIdField("a workload"),
  contractId: optionalIdField("a contract"),
  unit: z.preprocess(
    (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "money" : v),
    z.enum(BUDGET_UNITS, { message: "Unit must be money, accelerator-hours (ah) or H100-equivalent hours (h100e_h)." }),
  ),
  periodKind: z.enum(BUDGET_PERIOD_KINDS, { message: "Period must be a month, a quarter or a year." }),
  amount: positive("the amount", 4, "1000000000000"),
  currency: z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "USD" : v), currencyField),
  actualThresholdPct: positive("the actual threshold", 2, "1000"),
  forecastThresholdPct: positive("the forecast threshold", 2, "1000"),
  activeFrom: dateField("the start date"),
  activeTo: optionalDateField("the end date"),
});
export type CreateBudgetInput = z.infer<typeof CreateBudgetInput>;

export const UpdateBudgetInput = z.object({
  id: idField("a budget"),
  version: versionField,
  changes: CreateBudgetInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateBudgetInput = z.infer<typeof UpdateBudgetInput>;

export const ArchiveBudgetInput = z.object({ id: idField("a budget"), version: versionField });
