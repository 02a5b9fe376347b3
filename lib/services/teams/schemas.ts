import { z } from "zod";
import { idField, optionalIdField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

// A team: a cost owner, optionally under a parent team (the hierarchy's rules are in tree.ts and rules.ts).
export const CreateTeamInput = z.object({
  name: textField("a name", 100),
  costCentre: optionalTextField("cost centre", 50),
  parentId: optionalIdField("a parent team"),
});
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const UpdateTeamInput = z.object({
  id: idField("a team"),
  version: versionField,
  changes: CreateTeamInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateTeamInput = z.infer<typeof UpdateTeamInput>;

export const ArchiveTeamInput = z.object({ id: idField("a team"), version: versionField });
