import type { Executor } from "@/lib/db/client";
import { sites } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkSiteRules } from "./rules";
import { CreateSiteInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertSite(tx: Executor, ctx: Ctx, data: CreateSiteInput) {
  await checkSiteRules(tx, data);
  const [created] = await tx
    .insert(sites)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "site.create", entityType: "site", entityId: created!.id, after: created });
  return created!;
}

export async function createSite({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "sites.write");
  const data = parseInput(CreateSiteInput, input);
  return withTransaction(ctx, (tx) => insertSite(tx, ctx, data));
}
