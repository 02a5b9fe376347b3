import type { Executor } from "@/lib/db/client";
import { workloads } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkWorkloadRules } from "./rules";
import { CreateWorkloadInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertWorkload(tx: Executor, ctx: Ctx, data: CreateWorkloadInput) {
  await checkWorkloadRules(tx, data);
  const [created] = await tx
    .insert(workloads)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "workload.create", entityType: "workload", entityId: created!.id, after: created });
  return created!;
}

export async function createWorkload({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(CreateWorkloadInput, input);
  return withTransaction(ctx, (tx) => insertWorkload(tx, ctx, data));
}
