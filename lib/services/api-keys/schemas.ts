import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { idField, textField, versionField } from "@/lib/validation/fields";

export const CreateApiKeyInput = z.object({
  name: textField("a name", 100),
  role: z.enum(ROLES, { message: "Role must be admin, finance, infra or viewer." }),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ id: idField("an API key"), version: versionField });
export type RevokeApiKeyInput = z.infer<typeof RevokeApiKeyInput>;
