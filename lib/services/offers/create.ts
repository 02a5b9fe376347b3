import type { Executor } from "@/lib/db/client";
import { offers } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkOfferRules } from "./rules";
import { CreateOfferInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by a bulk import). */
export async function insertOffer(tx: Executor, ctx: Ctx, input: CreateOfferInput) {
  const data = await checkOfferRules(tx, input);
  const [created] = await tx
    .insert(offers)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "offer.create", entityType: "offer", entityId: created!.id, after: created });
  return created!;
}

export async function createOffer({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "offers.write");
  const data = parseInput(CreateOfferInput, input);
  return withTransaction(ctx, (tx) => insertOffer(tx, ctx, data));
}
