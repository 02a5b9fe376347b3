import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
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
export async function recordFailure(db: Executor, key: string): Promise<void> {
  const window = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.firstFailureAt} < now() - ${window} then 1 else ${loginThrottle.failures} + 1 end`,
        firstFailureAt: sql`case when ${loginThrottle.firstFailureAt} < now() - ${window} then now() else ${loginThrottle.firstFailureAt} end`,
        lockedUntil: sql`case when ${loginThrottle.firstFailureAt} >= now() - ${window} and ${loginThrottle.failures} + 1 >= ${MAX_FAILURES} then now() + ${window} else ${loginThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
