import { hashPassword } from "@/lib/auth/password";
import { users } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { CreateUserInput } from "./schemas";

export async function createUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "users.manage");
  const data = parseInput(CreateUserInput, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return withTransaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, passwordHash, updatedBy: ctx.actor.email })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!created) throw new ConflictError(`A user with the email ${data.email} already exists.`);
    const { passwordHash: _hidden, ...visible } = created;
    await audit(tx, ctx, { action: "user.create", entityType: "user", entityId: created.id, after: visible });
    return visible;
  });
}
