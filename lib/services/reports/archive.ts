import { and, eq } from "drizzle-orm";
import { reports } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { staleEditConflict } from "../stale-edit";
import { ArchiveReportInput } from "./schemas";

/** Archives a report: it leaves the list, and its share links stop resolving (they show the invalid-link page). */
export async function archiveReport({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "shares.manage");
  const data = parseInput(ArchiveReportInput, input);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(reports).where(eq(reports.id, data.id)).for("update");
    if (!before) throw new NotFoundError("This report no longer exists.");
    if (before.version !== data.version) {
      throw await staleEditConflict(tx, { type: "report", id: before.id, label: `Report ${before.name}` }, data.version, before);
    }
    if (before.archivedAt) throw new ValidationError("This report is already archived.");
    const [after] = await tx
      .update(reports)
      .set({ archivedAt: new Date(), version: data.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(and(eq(reports.id, data.id), eq(reports.version, data.version)))
      .returning();
    await audit(tx, ctx, { action: "report.archive", entityType: "report", entityId: before.id, before, after });
    return after!;
  });
}
