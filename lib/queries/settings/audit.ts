import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import { diffSnapshots, type FieldChange } from "@/lib/audit/diff";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export const AUDIT_PAGE_SIZE = 50;

export type AuditParams = { action?: string; entityType?: string; actor?: string; page: number };
export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: FieldChange[];
};
export type AuditResult = { entries: AuditEntry[]; total: number; page: number; pageCount: number; actions: string[] };

export async function listAuditLog(ctx: Ctx, params: AuditParams): Promise<AuditResult> {
  requirePermission(ctx, "audit.read");
  const filters: SQL[] = [];
  if (params.action) filters.push(eq(auditLog.action, params.action));
  if (params.entityType) filters.push(eq(auditLog.entityType, params.entityType));
  if (params.actor) filters.push(ilike(auditLog.actor, `%${params.actor.replace(/[%_\\]/g, "\\$&")}%`));
  const where = filters.length ? and(...filters) : undefined;
  const page = Math.max(1, params.page);
  const [rows, [totals], actions] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
    ctx.db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ]);
  const total = Number(totals?.n ?? 0);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      changes: diffSnapshots(r.before, r.after),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
  };
}
