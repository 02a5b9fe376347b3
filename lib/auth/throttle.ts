import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { loginThrottle } from "@/lib/db/schema";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function throttleKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

export async function lockedUntil(db: Executor, key: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row?.lockedUntil) return null;
  const until = new Date(row.lockedUntil);
  return until > now ? until : null;
}

// Failures within one lock window count; the fifth locks the key for LOCK_MINUTES, whether or not the email exists.
// Insert-if-missing, then update with the database's clock read first: Citus refuses now() in ON CONFLICT DO UPDATE
// and in CASE; the UPDATE's row lock keeps concurrent counts exact.
export async function recordFailure(db: Executor, key: string): Promise<void> {
  const window = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  const [clock] = await queryRows<{ now: string; since: string; until: string }>(
    db,
    sql`select now()::text as now, (now() - ${window})::text as since, (now() + ${window})::text as until`,
  );
  const now = sql`${clock!.now}::timestamptz`;
  const since = sql`${clock!.since}::timestamptz`;
  await db.insert(loginThrottle).values({ key, failures: 0, firstFailureAt: now }).onConflictDoNothing({ target: loginThrottle.key });
  await db
    .update(loginThrottle)
    .set({
      failures: sql`case when ${loginThrottle.firstFailureAt} < ${since} then 1 else ${loginThrottle.failures} + 1 end`,
      firstFailureAt: sql`case when ${loginThrottle.firstFailureAt} < ${since} then ${now} else ${loginThrottle.firstFailureAt} end`,
      lockedUntil: sql`case when ${loginThrottle.firstFailureAt} >= ${since} and ${loginThrottle.failures} + 1 >= ${MAX_FAILURES} then ${clock!.until}::timestamptz else ${loginThrottle.lockedUntil} end`,
    })
    .where(eq(loginThrottle.key, key));
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
