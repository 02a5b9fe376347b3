import { and, desc, eq } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import { diffSnapshots, type FieldChange } from "@/lib/audit/diff";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type HistoryEntry = { id: number; at: Date; actor: string; action: string; changes: FieldChange[] };

/** The audit trail of one record, newest first, field by field. Readable by anyone who can read the record. */
export async function entityHistory(ctx: Ctx, entityType: string, entityId: string, limit = 200): Promise<HistoryEntry[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, at: new Date(r.at), actor: r.actor, action: r.action, changes: diffSnapshots(r.before, r.after) }));
}
