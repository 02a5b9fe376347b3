import { eq } from "drizzle-orm";
import { reports, sharedReports } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { generateShareToken, shareExpiry } from "@/lib/sharing/tokens";
import { audit } from "../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseInput, withTransaction } from "@/lib/services/context";
import { readScope } from "@/lib/queries/reports/scope";
import { CreateShareLinkInput } from "./schemas";

/**
 * Creates a share link to a report and returns its token in clear this once. Only the token's SHA-256 is
 * stored, with its first characters (a prefix that opens nothing) to tell links apart; neither the token nor its hash
 * goes into the audit row. The link keeps a copy of the report's
 * title and scope as they are now, so editing the report later cannot widen what the link shows.
 */
export async function createShareLink({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "shares.manage");
  const data = parseInput(CreateShareLinkInput, input);
  const { token, tokenHash, tokenPrefix } = generateShareToken();
  return withTransaction(ctx, async (tx) => {
    const [report] = await tx.select().from(reports).where(eq(reports.id, data.reportId)).for("update");
    if (!report) throw new NotFoundError("This report no longer exists.");
    if (report.archivedAt) throw new ValidationError("This report is archived; it cannot be shared.");
    const scope = readScope(report.scope);
    if (scope.sections.length === 0) throw new ValidationError("This report has no sections to share.");
    const now = new Date();
    const [created] = await tx
      .insert(sharedReports)
      .values({
        reportId: report.id,
        name: report.name,
        label: data.label,
        scope,
        tokenHash,
        tokenPrefix,
        allowCsv: data.allowCsv,
        expiresAt: shareExpiry(data.expiresInDays, now),
        createdAt: now,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      })
      .returning();
    const { tokenHash: _hidden, ...link } = created!;
    await audit(tx, ctx, { action: "share_link.create", entityType: "shared_report", entityId: link.id, after: link });
    return { token, link };
  });
}
