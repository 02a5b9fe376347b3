import { sql } from "drizzle-orm";
import type { Executor } from "./client";
import { dataVersion } from "./schema";

// On globalThis: Next.js may load this module once per server layer; a bump in one is seen by all.
const bumps = ((globalThis as { headroomDataVersionBumps?: { count: number } }).headroomDataVersionBumps ??= { count: 0 });

/**
 * Marks the data changed: call inside the writing transaction, so readers see the new version exactly when they can
 * see the new rows. Bumped in code rather than by a trigger, because triggers do not fire on Citus' distributed and
 * reference tables by default.
 */
export async function bumpDataVersion(db: Executor): Promise<void> {
  bumps.count += 1;
  await db
    .update(dataVersion)
    .set({ version: sql`${dataVersion.version} + 1` })
    .where(sql`${dataVersion.id} = 1`);
}

export async function readDataVersion(db: Executor): Promise<number> {
  const [row] = await db.select({ version: dataVersion.version }).from(dataVersion);
  return row?.version ?? 0;
}

/** Bumps made by this process: a version remembered within a request is read again after one. */
export function localBumpCount(): number {
  return bumps.count;
}
