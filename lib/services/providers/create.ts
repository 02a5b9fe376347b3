import type { Executor } from "@/lib/db/client";
import { providers } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkProviderName } from "./rules";
import { CreateProviderInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertProvider(tx: Executor, ctx: Ctx, data: CreateProviderInput) {
  await checkProviderName(tx, data.name);
  const [created] = await tx
    .insert(providers)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "provider.create", entityType: "provider", entityId: created!.id, after: created });
  return created!;
}

export async function createProvider({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(CreateProviderInput, input);
  return withTransaction(ctx, (tx) => insertProvider(tx, ctx, data));
}
