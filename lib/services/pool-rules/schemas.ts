import { z } from "zod";
import { POOL_RULE_KINDS } from "@/lib/enums";
import { optionalIdField, textField } from "@/lib/validation/fields";

// A pool's rule: how the shared cost of an accelerator family's free pools is distributed (PRODUCT.md §3 allocation).
export const SetPoolRuleInput = z
  .object({
    family: textField("a family", 100),
    kind: z.enum(POOL_RULE_KINDS, { message: "Choose proportional, even or a team." }),
    teamId: optionalIdField("a team"),
  })
  .refine((r) => r.kind !== "team" || r.teamId, { message: "Choose the team that keeps this pool.", path: ["teamId"] });
export type SetPoolRuleInput = z.infer<typeof SetPoolRuleInput>;
