import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";
import { decimalField, idField, textField, versionField } from "@/lib/validation/fields";

function blankToNull(v: unknown): unknown {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v;
}

function positiveDecimal(label: string, scale: number, max: string) {
  return decimalField(label, scale, max).refine(
    (v) => dec(v).gt(0),
    `${label.replace(/^the (.)/, (_, c: string) => c.toUpperCase())} must be more than 0.`,
  );
}

function wholeWatts(label: string) {
  return z.coerce
    .number({ message: `Enter ${label}.` })
    .int(`${label} must be a whole number of watts.`)
    .min(1, `${label} must be at least 1 W.`)
    .max(10_000_000, `${label} is at most 10,000,000 W.`);
}

export const AcceleratorTypeFields = z.object({
  name: textField("a name", 100),
  vendor: textField("a vendor", 100),
  family: textField("a family", 100),
  memoryGb: positiveDecimal("the memory", 1, "9999999.9"),
  bf16Tflops: positiveDecimal("the BF16 TFLOPS", 1, "999999999.9"),
  fp8Tflops: z.preprocess(blankToNull, positiveDecimal("the FP8 TFLOPS", 1, "999999999.9").nullable()),
  tdpW: z.preprocess(blankToNull, wholeWatts("TDP").nullable()),
  systemW: wholeWatts("System power"),
  h100Equivalent: positiveDecimal("the H100-equivalent factor", 4, "9999.9999"),
});

// On create the factor may be left blank: it then takes the nameplate default (BF16 ÷ H100 SXM's BF16).
export const CreateAcceleratorTypeInput = AcceleratorTypeFields.extend({
  h100Equivalent: z.preprocess(blankToNull, AcceleratorTypeFields.shape.h100Equivalent.nullable()),
});
export type CreateAcceleratorTypeInput = z.infer<typeof CreateAcceleratorTypeInput>;

export const UpdateAcceleratorTypeInput = z.object({
  id: idField("an accelerator type"),
  version: versionField,
  changes: AcceleratorTypeFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateAcceleratorTypeInput = z.infer<typeof UpdateAcceleratorTypeInput>;

export const ArchiveAcceleratorTypeInput = z.object({ id: idField("an accelerator type"), version: versionField });
export type ArchiveAcceleratorTypeInput = z.infer<typeof ArchiveAcceleratorTypeInput>;
