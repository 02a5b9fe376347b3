import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { reports, sharedReports, users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { readScope, type ReportScope } from "@/lib/queries/reports/scope";

export type ReportRow = {
  id: string;
  name: string;
  note: string | null;
  scope: ReportScope;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  liveLinks: number;
};

/** Reports that are not archived, most recently changed first, with their count of links still valid. */
export async function listReports(ctx: Ctx): Promise<ReportRow[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select({
      id: reports.id,
      name: reports.name,
      note: reports.note,
      scope: reports.scope,
      version: reports.version,
      updatedAt: reports.updatedAt,
      updatedBy: reports.updatedBy,
      liveLinks: sql<number>`(select count(*)::int from shared_reports s where s.report_id = "reports"."id" and s.revoked_at is null and s.expires_at > now())`,
    })
    .from(reports)
    .where(isNull(reports.archivedAt))
    .orderBy(desc(reports.updatedAt));
  return rows.map((r) => ({ ...r, scope: readScope(r.scope), liveLinks: Number(r.liveLinks) }));
}

export async function getReport(ctx: Ctx, id: string): Promise<ReportRow & { archivedAt: Date | null }> {
  requirePermission(ctx, "app.read");
  const [r] = await ctx.db.select().from(reports).where(eq(reports.id, id));
  if (!r) throw new NotFoundError("This report does not exist.");
  return { ...r, scope: readScope(r.scope), liveLinks: 0 };
}

export type ShareLinkRow = {
  id: string;
  label: string | null;
  /** The token's first characters; null for links made before they were kept. */
  tokenPrefix: string | null;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  allowCsv: boolean;
  viewCount: number;
  lastViewedAt: Date | null;
};

/** A report's links, newest first, with the creator's email (never the token hash). Needs shares.manage. */
export async function listShareLinks(ctx: Ctx, reportId: string): Promise<ShareLinkRow[]> {
  requirePermission(ctx, "shares.manage");
  return ctx.db
    .select({
      id: sharedReports.id,
      label: sharedReports.label,
      tokenPrefix: sharedReports.tokenPrefix,
      createdAt: sharedReports.createdAt,
      createdBy: users.email,
      expiresAt: sharedReports.expiresAt,
      revokedAt: sharedReports.revokedAt,
      allowCsv: sharedReports.allowCsv,
      viewCount: sharedReports.viewCount,
      lastViewedAt: sharedReports.lastViewedAt,
    })
    .from(sharedReports)
    .leftJoin(users, eq(users.id, sharedReports.createdBy))
    .where(and(eq(sharedReports.reportId, reportId)))
    .orderBy(desc(sharedReports.createdAt));
}
