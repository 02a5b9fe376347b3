import { can } from "@/lib/auth/permissions";
import { csvResponse, inBatches } from "@/lib/csv/response";
import { exportCtx, parseQuery } from "@/lib/csv/export-ctx";
import { isoDay } from "@/lib/metrics/calendar";
import { auditEntries, type AuditEntry } from "@/lib/queries/settings/audit";
import { parseAuditExportParams } from "../search-params";

export const dynamic = "force-dynamic";

// One row per changed field (an entry with no field changes gives one row with the field columns empty); a value
// that was not set is an empty cell.
const cell = (v: string) => (v === "—" ? null : v);
async function* rows(entries: AsyncIterable<AuditEntry>) {
  for await (const e of entries) {
    const common = [e.at.toISOString(), e.actor, e.action, e.entityType, e.entityId, e.entityLabel] as const;
    if (e.changes.length === 0) yield [...common, null, null, null];
    for (const c of e.changes) yield [...common, c.label, cell(c.before), cell(c.after)];
  }
}

/** The audit log as CSV with the page's filters (action, record type, who, from/to days), newest first. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  if (!can(caller.ctx.actor.role, "audit.read")) return new Response("Your role may not read the audit log.", { status: 403 });
  const query = parseQuery(() => parseAuditExportParams(new URL(request.url).searchParams));
  if ("refused" in query) return query.refused;
  const entries = inBatches((offset, limit) => auditEntries(caller.ctx, query.value, offset, limit), 500);
  return csvResponse(
    `audit-log-${isoDay(new Date())}.csv`,
    ["at_utc", "actor", "action", "entity_type", "entity_id", "entity", "field", "before", "after"],
    rows(entries),
    caller,
  );
}
