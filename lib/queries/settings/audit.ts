import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { Executor } from "@/lib/db/client";
import { diffSnapshots } from "@/lib/audit/diff";
import { entityHref, entityTypeLabel, entryReferences, readableChanges, snapshotLabel, type ReadableChange } from "@/lib/audit/readable";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { entityLabels } from "./audit-labels";

export const AUDIT_PAGE_SIZE = 50;

/** Filters of the audit log; `from` and `to` are UTC days (YYYY-MM-DD), both included. */
export type AuditParams = { action?: string; entityType?: string; actor?: string; from?: string; to?: string; page: number };
export type AuditEntry = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  /** "Contract", "SKU mapping". */
  entityTypeLabel: string;
  entityId: string | null;
  /** The record's current name, else its name when the entry was written, else its id. */
  entityLabel: string;
  /** The record's page, when it has one. */
  entityHref: string | null;
  changes: ReadableChange[];
};
export type AuditResult = {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
  actions: string[];
  entityTypes: string[];
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

function where(params: AuditParams): SQL | undefined {
  const filters: SQL[] = [];
  if (params.action) filters.push(eq(auditLog.action, params.action));
  if (params.entityType) filters.push(eq(auditLog.entityType, params.entityType));
  if (params.actor) filters.push(ilike(auditLog.actor, `%${params.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (params.from) filters.push(gte(auditLog.at, new Date(`${params.from}T00:00:00Z`)));
  if (params.to) filters.push(lt(auditLog.at, nextDay(params.to)));
  return filters.length ? and(...filters) : undefined;
}

type AuditRow = typeof auditLog.$inferSelect;

/** Audit rows as readable entries: the records they name (and the ids their snapshots hold) labelled in one pass. */
export async function readableEntries(db: Executor, rows: AuditRow[]): Promise<AuditEntry[]> {
  const labels = await entityLabels(db, rows.flatMap(entryReferences));
  return rows.map((r) => {
    const snapshot = r.after ?? r.before;
    const own = r.entityId ? labels.get(`${r.entityType}:${r.entityId}`) : undefined;
    return {
      id: r.id,
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      entityType: r.entityType,
      entityTypeLabel: entityTypeLabel(r.entityType),
      entityId: r.entityId,
      entityLabel: own ?? snapshotLabel(snapshot) ?? r.entityId ?? "—",
      entityHref: entityHref(r.entityType, r.entityId, snapshot),
      changes: readableChanges(diffSnapshots(r.before, r.after), labels),
    };
  });
}

/** One batch of the filtered log, newest first (the page and the CSV export read the same order). */
export async function auditEntries(ctx: Ctx, params: AuditParams, offset: number, limit: number): Promise<AuditEntry[]> {
  requirePermission(ctx, "audit.read");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where(params))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return readableEntries(ctx.db, rows);
}

export async function listAuditLog(ctx: Ctx, params: AuditParams): Promise<AuditResult> {
  requirePermission(ctx, "audit.read");
  const page = Math.max(1, params.page);
  const [entries, [totals], actions, types] = await Promise.all([
    auditEntries(ctx, params, (page - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE),
    ctx.db.select({ n: count() }).from(auditLog).where(where(params)),
    ctx.db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    ctx.db.selectDistinct({ type: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  const total = Number(totals?.n ?? 0);
  return {
    entries,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
    entityTypes: types.map((t) => t.type),
  };
}
