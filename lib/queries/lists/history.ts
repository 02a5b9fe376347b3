import { and, desc, eq } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Executor } from "@/lib/db/client";
import type { ReadableChange } from "@/lib/audit/readable";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { readableEntries } from "@/lib/queries/settings/audit";

export type HistoryEntry = { id: number; at: Date; actor: string; action: string; changes: ReadableChange[] };

/** The audit trail of one record, newest first, field by field with names for ids. Readable by anyone who can read the record. */
export async function entityHistory(ctx: Ctx, entityType: string, entityId: string, limit = 200): Promise<HistoryEntry[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return historyEntries(ctx.db, rows);
}

/** Audit rows as history entries, readable (names for ids, labelled fields). */
export async function historyEntries(db: Executor, rows: (typeof auditLog.$inferSelect)[]): Promise<HistoryEntry[]> {
  return (await readableEntries(db, rows)).map(({ id, at, actor, action, changes }) => ({ id, at, actor, action, changes }));
}
