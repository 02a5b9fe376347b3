import { reports } from "@/lib/db/schema";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { checkReportRules } from "./rules";
import { CreateReportInput } from "./schemas";

export async function createReport({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "shares.manage");
  const data = parseInput(CreateReportInput, input);
  return withTransaction(ctx, async (tx) => {
    await checkReportRules(tx, data.scope);
    const [created] = await tx
      .insert(reports)
      .values({ ...data, createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null, updatedBy: ctx.actor.email })
      .returning();
    await audit(tx, ctx, { action: "report.create", entityType: "report", entityId: created!.id, after: created });
    return created!;
  });
}
