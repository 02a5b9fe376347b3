import { and, count, eq, ne } from "drizzle-orm";
import { users } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { UpdateUserInput } from "./schemas";

async function otherActiveAdmins(tx: Tx, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, id)));
  return Number(row?.n ?? 0);
}

export async function updateUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "users.manage");
  const data = parseInput(UpdateUserInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This user no longer exists.");
    const { passwordHash: _b, ...beforeVisible } = before;
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "user", id: before.id, label: `User ${before.email}` }, data.version, beforeVisible);
    }
    const losesAdmin =
      before.role === "admin" &&
      !before.disabled &&
      ((data.changes.role !== undefined && data.changes.role !== "admin") || data.changes.disabled === true);
    if (losesAdmin && (await otherActiveAdmins(tx, before.id)) === 0) {
      throw new ValidationError("Headroom needs at least one active admin; make someone else admin first.");
    }
    const [after] = await tx
      .update(users)
      .set({ ...data.changes, version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(users.id, data.id), eq(users.version, data.version)))
      .returning();
    const { passwordHash: _a, ...afterVisible } = after!;
    await audit(tx, ctx, { action: "user.update", entityType: "user", entityId: before.id, before: beforeVisible, after: afterVisible });
    return afterVisible;
  });
}
