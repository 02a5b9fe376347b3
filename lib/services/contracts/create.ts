import type { Executor } from "@/lib/db/client";
import { contracts } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkContractRules } from "./rules";
import { CreateContractInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertContract(tx: Executor, ctx: Ctx, data: CreateContractInput) {
  await checkContractRules(tx, data);
  const [created] = await tx
    .insert(contracts)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "contract.create", entityType: "contract", entityId: created!.id, after: created });
  return created!;
}

export async function createContract({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "contracts.write");
  const data = parseInput(CreateContractInput, input);
  return withTransaction(ctx, (tx) => insertContract(tx, ctx, data));
}
