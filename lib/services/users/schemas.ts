import { z } from "zod";
import { ROLES } from "@/lib/enums";

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().min(1, "Enter a name.").max(200),
  role: z.enum(ROLES, { message: "Role must be admin, finance, infra or viewer." }),
  password: z.string().min(12, "Passwords must be at least 12 characters long.").max(1024).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object({
  id: z.string().uuid("Unknown user."),
  version: z.coerce.number().int().min(1),
  changes: z
    .object({
      role: z.enum(ROLES, { message: "Role must be admin, finance, infra or viewer." }),
      disabled: z.boolean(),
      name: z.string().trim().min(1, "Enter a name.").max(200),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;
