import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { STALE_CLAIM_MS } from "./backoff";

/**
 * Claims the due rows of `notifications` or `report_deliveries` in one statement: pending ones whose next attempt has
 * come, and ones left `sending` by a process that stopped. Locked rows are skipped, so two deliverers never take the
 * same row; each claim counts as an attempt. Returns the ids claimed with their attempt number.
 */
export async function claimDue(
  db: Executor,
  table: "notifications" | "report_deliveries",
  { now, limit = 50, ids }: { now: Date; limit?: number; ids?: readonly string[] },
): Promise<{ id: string; attempts: number }[]> {
  const t = sql.identifier(table);
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const only = ids
    ? sql`and id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  if (ids && ids.length === 0) return [];
  return queryRows<{ id: string; attempts: number }>(
    db,
    sql`update ${t} set status = 'sending', claimed_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (
          select id from ${t}
          where ((status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)
             or (status = 'sending' and claimed_at < ${stale}::timestamptz)) ${only}
          order by next_attempt_at
          limit ${limit}
          for update skip locked)
        and (status = 'pending' or (status = 'sending' and claimed_at < ${stale}::timestamptz))
        returning id, attempts`,
  );
}
