import { z } from "zod";
import { idField, optionalIdField, optionalTextField, versionField } from "@/lib/validation/fields";

// An allocation rule: the charges whose every named FOCUS field equals the rule's go to its workload (first rule by position wins).
export const AllocationRuleFields = z.object({
  providerId: optionalIdField("a provider"),
  serviceName: optionalTextField("the service", 200),
  skuId: optionalTextField("the SKU id", 200),
  regionId: optionalTextField("the region", 100),
  subAccountId: optionalTextField("the sub-account", 200),
  tagKey: optionalTextField("the tag key", 200),
  tagValue: optionalTextField("the tag value", 200),
  resourceIdPrefix: optionalTextField("the resource id prefix", 500),
  workloadId: idField("the workload the charges go to"),
  notes: optionalTextField("notes", 1000),
});
export type AllocationRuleValues = z.infer<typeof AllocationRuleFields>;

/** The rules between fields, as messages by field: the tag key and value go together; a rule names at least one field. */
export function allocationRuleIssues(r: AllocationRuleValues): Record<string, string> {
  const issues: Record<string, string> = {};
  if ((r.tagKey === null) !== (r.tagValue === null)) {
    issues[r.tagKey === null ? "tagKey" : "tagValue"] = "Give both the tag key and its value (key=value), or neither.";
  }
  if (
    r.providerId === null &&
    r.serviceName === null &&
    r.skuId === null &&
    r.regionId === null &&
    r.subAccountId === null &&
    r.tagKey === null &&
    r.resourceIdPrefix === null
  ) {
    issues.serviceName =
      "Name at least one of provider, service, SKU, region, sub-account, tag or resource id prefix: a rule on nothing would take every charge.";
  }
  return issues;
}

function addIssues(r: AllocationRuleValues, ctx: z.RefinementCtx) {
  for (const [field, message] of Object.entries(allocationRuleIssues(r))) ctx.addIssue({ code: "custom", path: [field], message });
}

export const CreateAllocationRuleInput = AllocationRuleFields.extend({
  /** Where the rule goes among the live ones (1 = first); absent: last. */
  position: z.coerce
    .number({ message: "Position must be a whole number." })
    .int("Position must be a whole number.")
    .min(1, "Position starts at 1.")
    .optional(),
}).superRefine(addIssues);
export type CreateAllocationRuleInput = z.infer<typeof CreateAllocationRuleInput>;

export const UpdateAllocationRuleInput = z.object({
  id: idField("an allocation rule"),
  version: versionField,
  changes: AllocationRuleFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateAllocationRuleInput = z.infer<typeof UpdateAllocationRuleInput>;

export const ArchiveAllocationRuleInput = z.object({ id: idField("an allocation rule"), version: versionField });
export type ArchiveAllocationRuleInput = z.infer<typeof ArchiveAllocationRuleInput>;

export const ReorderAllocationRuleInput = z.object({
  id: idField("an allocation rule"),
  version: versionField,
  direction: z.enum(["up", "down"], { message: "Move the rule up or down." }),
});
export type ReorderAllocationRuleInput = z.infer<typeof ReorderAllocationRuleInput>;
