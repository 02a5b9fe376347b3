import { z } from "zod";
import { compactOverrides, scenarioOverridesSchema } from "@/lib/planning/overrides";
import { idField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

// A scenario: a name, a description and its overrides on the baseline (lib/planning/overrides.ts).
export const CreateScenarioInput = z.object({
  name: textField("a name"),
  description: optionalTextField("description", 2000),
  overrides: z.preprocess((v) => v ?? {}, scenarioOverridesSchema).transform(compactOverrides),
});

export type CreateScenarioInput = z.infer<typeof CreateScenarioInput>;

export const UpdateScenarioInput = z.object({
  id: idField("a scenario"),
  version: versionField,
  changes: CreateScenarioInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateScenarioInput = z.infer<typeof UpdateScenarioInput>;

export const ArchiveScenarioInput = z.object({ id: idField("a scenario"), version: versionField });
