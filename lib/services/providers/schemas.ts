import { PROVIDER_KINDS } from "@/lib/enums";
import { z } from "zod";
import { idField, textField, versionField } from "@/lib/validation/fields";

export const CreateProviderInput = z.object({
  name: textField("a name", 100),
  kind: z.enum(PROVIDER_KINDS, { message: "Kind must be hyperscaler, neocloud, colo or owned." }),
});

export type CreateProviderInput = z.infer<typeof CreateProviderInput>;

export const UpdateProviderInput = z.object({
  id: idField("a provider"),
  version: versionField,
  changes: CreateProviderInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateProviderInput = z.infer<typeof UpdateProviderInput>;

export const ArchiveProviderInput = z.object({ id: idField("a provider"), version: versionField });
export type ArchiveProviderInput = z.infer<typeof ArchiveProviderInput>;
