import { providers } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkProviderName } from "./rules";
import { CreateProviderInput } from "./schemas";

export async function createProvider({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "catalog.write");
  const data = parseInput(CreateProviderInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkProviderName(tx, data.name);
    const [created] = await tx
      .insert(providers)
      .values({ ...data, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "provider.create", entityType: "provider", entityId: created!.id, after: created });
    return created!;
  });
}
