import type { Executor } from "@/lib/db/client";
import { allocations } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { audit } from "../audit";
import { checkAllocationRules } from "./rules";
import { CreateAllocationInput } from "./schemas";

/** Applies the rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertAllocation(tx: Executor, ctx: Ctx, data: CreateAllocationInput) {
  await checkAllocationRules(tx, data);
  const [created] = await tx
    .insert(allocations)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "allocation.create", entityType: "allocation", entityId: created!.id, after: created });
  return created!;
}

export async function createAllocation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(CreateAllocationInput, input);
  return withTransaction(ctx, (tx) => insertAllocation(tx, ctx, data));
}
