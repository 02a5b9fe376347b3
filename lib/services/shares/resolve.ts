import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { reports, sharedReports } from "@/lib/db/schema";
import { hashShareToken, sameHash } from "@/lib/sharing/tokens";
import { audit } from "../audit";
import type { Ctx } from "@/lib/auth/context";
import { readScope, type ReportScope } from "@/lib/queries/reports/scope";

export type SharedReport = {
  id: string;
  reportId: string;
  name: string;
  note: string | null;
  scope: ReportScope;
  allowCsv: boolean;
  expiresAt: Date;
  viewCount: number;
};

const MAX_TOKEN_CHARS = 200;

/** What the link is used for: opening the report (counted as a view) or downloading one section's CSV. */
export type ShareUse = { kind: "view" } | { kind: "csv"; section: string };

/**
 * The shared report a token opens, or null. Unknown, expired and revoked tokens (and links to an archived
 * report) all go through the same single statement and give the same null: the caller cannot tell them apart.
 * A successful lookup records the access (a view is counted; a CSV download is not a view) and writes an
 * audit row naming the link, never the token.
 */
export async function resolveShareToken(db: Db, token: string, use: ShareUse = { kind: "view" }): Promise<SharedReport | null> {
  const tokenHash = hashShareToken(token.slice(0, MAX_TOKEN_CHARS));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(sharedReports)
      .set({ viewCount: sql`${sharedReports.viewCount} + ${use.kind === "view" ? 1 : 0}`, lastViewedAt: new Date() })
      .where(
        and(
          eq(sharedReports.tokenHash, tokenHash),
          isNull(sharedReports.revokedAt),
          gt(sharedReports.expiresAt, sql`now()`),
          sql`exists (select 1 from ${reports} where ${reports.id} = ${sharedReports.reportId} and ${reports.archivedAt} is null)`,
          // A CSV download also needs the creator's permission and a section the report shows.
          use.kind === "csv"
            ? and(eq(sharedReports.allowCsv, true), sql`jsonb_exists(${sharedReports.scope} -> 'sections', ${use.section})`)
            : undefined,
        ),
      )
      .returning();
    if (!row || !sameHash(row.tokenHash, tokenHash)) return null;
    const [report] = await tx.select({ note: reports.note }).from(reports).where(eq(reports.id, row.reportId));
    const ctx: Ctx = { db, actor: { id: null, email: `share-link:${row.id}`, role: "viewer", kind: "system" } };
    await audit(tx, ctx, {
      action: use.kind === "view" ? "share_link.view" : "share_link.csv",
      entityType: "shared_report",
      entityId: row.id,
      after: { viewCount: row.viewCount, lastViewedAt: row.lastViewedAt, ...(use.kind === "csv" ? { section: use.section } : {}) },
    });
    return {
      id: row.id,
      reportId: row.reportId,
      name: row.name,
      note: report?.note ?? null,
      scope: readScope(row.scope),
      allowCsv: row.allowCsv,
      expiresAt: row.expiresAt,
      viewCount: row.viewCount,
    };
  });
}
