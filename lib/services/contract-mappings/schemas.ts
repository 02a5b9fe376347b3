import { z } from "zod";
import { idField, optionalTextField, versionField } from "@/lib/validation/fields";

/** The charge fields a contract mapping can name, in the order forms and lists show them. */
export const CONTRACT_MAPPING_FIELDS = ["serviceName", "skuId", "regionId", "tagKey", "tagValue", "subAccountId"] as const;

export const CreateContractMappingInput = z
  .object({
    providerId: idField("a provider"),
    serviceName: optionalTextField("the service", 200),
    skuId: optionalTextField("the SKU id", 200),
    regionId: optionalTextField("the region", 100),
    tagKey: optionalTextField("the tag key", 200),
    tagValue: optionalTextField("the tag value", 200),
    subAccountId: optionalTextField("the sub-account", 200),
    contractId: idField("a contract"),
  })
  .superRefine((m, issue) => {
    if ((m.tagKey === null) !== (m.tagValue === null)) {
      const path = m.tagKey === null ? "tagKey" : "tagValue";
      issue.addIssue({ code: "custom", path: [path], message: "Give both the tag key and its value, or neither." });
    }
    if (!m.serviceName && !m.skuId && !m.regionId && !m.tagKey && !m.subAccountId) {
      issue.addIssue({
        code: "custom",
        path: ["serviceName"],
        message: "Name at least one of service, SKU, region, tag or sub-account: a rule on the provider alone would take all its charges.",
      });
    }
  });
export type CreateContractMappingInput = z.infer<typeof CreateContractMappingInput>;

export const ArchiveContractMappingInput = z.object({ id: idField("a contract mapping"), version: versionField });
