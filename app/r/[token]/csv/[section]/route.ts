import { csvResponse } from "@/lib/csv/response";
import { getDb } from "@/lib/db/client";
import { reportSectionCsv } from "@/lib/queries/reports/section-csv";
import type { Ctx } from "@/lib/auth/context";
import { REPORT_SECTIONS, type ReportSection } from "@/lib/queries/reports/scope";
import { resolveShareToken } from "@/lib/services/shares/resolve";

export const dynamic = "force-dynamic";

const notValid = () =>
  new Response("This link is not valid.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * One section of a shared report as CSV, when the link's creator allowed CSV. The token alone decides: the
 * section must be one the report shows, the filters are the stored scope's, the query string is never read.
 * Everything else — unknown, expired or revoked token, CSV not allowed, a section not in the report — is the
 * same 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; section: string }> }) {
  const { token, section } = await params;
  if (!(REPORT_SECTIONS as readonly string[]).includes(section)) return notValid();
  const db = await getDb();
  const shared = await resolveShareToken(db, token, { kind: "csv", section });
  if (!shared || !shared.allowCsv || !shared.scope.sections.includes(section as ReportSection)) return notValid();
  const ctx: Ctx = { db, actor: { id: null, email: `share-link:${shared.id}`, role: "viewer", kind: "system" } };
  const table = await reportSectionCsv(ctx, section as ReportSection, shared.scope, new Date());
  // Opened from the shared page in a browser: with the byte order mark, as the app's own downloads.
  return csvResponse(table.fileName, table.header, table.rows, { bom: true });
}
