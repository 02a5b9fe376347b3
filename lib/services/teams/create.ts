import type { Executor } from "@/lib/db/client";
import { teams } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkTeamRules } from "./rules";
import { CreateTeamInput } from "./schemas";

/** Applies the database rules, inserts and audits inside the caller's transaction (also used by the bulk import). */
export async function insertTeam(tx: Executor, ctx: Ctx, data: CreateTeamInput) {
  await checkTeamRules(tx, data);
  const [created] = await tx
    .insert(teams)
    .values({ ...data, updatedBy: ctx.actor.email })
    .returning();
  await audit(tx, ctx, { action: "team.create", entityType: "team", entityId: created!.id, after: created });
  return created!;
}

export async function createTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "allocation.write");
  const data = parseInput(CreateTeamInput, input);
  return withTransaction(ctx, (tx) => insertTeam(tx, ctx, data));
}
