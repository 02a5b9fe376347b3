import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { diffSnapshots } from "@/lib/audit/diff";
import { ConflictError } from "@/lib/errors";

/**
 * Builds the refusal for an edit that started from `startedVersion` while the record is now at a later
 * version: the fields someone else changed in the meantime (value the editor saw → value now) and who
 * changed them, read from the audit trail. Nothing is written.
 */
export async function staleEditConflict(
  tx: Executor,
  entity: { type: string; id: string; label: string },
  startedVersion: number,
  current: Record<string, unknown>,
): Promise<ConflictError> {
  const later = await tx
    .select({ actor: auditLog.actor, before: auditLog.before })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, entity.type),
        eq(auditLog.entityId, entity.id),
        sql`(${auditLog.before}->>'version')::int >= ${startedVersion}`,
      ),
    )
    .orderBy(asc(auditLog.id));
  const seen = later[0]?.before;
  const changes = seen ? diffSnapshots(seen, JSON.parse(JSON.stringify(current))) : [];
  const who = [...new Set(later.map((l) => l.actor))].join(", ") || undefined;
  return new ConflictError(
    `${entity.label} was changed by ${who ?? "someone else"} after you opened it; nothing was saved. Review their changes, then reload and edit again.`,
    changes,
    who,
  );
}
