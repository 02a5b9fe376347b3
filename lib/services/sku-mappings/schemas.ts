import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";
import { decimalField, idField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

export const CreateSkuMappingInput = z.object({
  providerId: idField("a provider"),
  skuId: textField("the SKU id", 200),
  regionId: optionalTextField("the region", 100),
  acceleratorTypeId: idField("an accelerator type"),
  acceleratorsPerUnit: decimalField("accelerators per unit", 4, "100000").refine(
    (v) => dec(v).gt(0),
    "Accelerators per unit must be more than 0.",
  ),
});

export type CreateSkuMappingInput = z.infer<typeof CreateSkuMappingInput>;

export const UpdateSkuMappingInput = z.object({
  id: idField("a SKU mapping"),
  version: versionField,
  changes: CreateSkuMappingInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateSkuMappingInput = z.infer<typeof UpdateSkuMappingInput>;

export const ArchiveSkuMappingInput = z.object({ id: idField("a SKU mapping"), version: versionField });
export type ArchiveSkuMappingInput = z.infer<typeof ArchiveSkuMappingInput>;
