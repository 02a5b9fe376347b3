import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { connectorObjects } from "@/lib/db/schema";
import type { PlannedObject } from "./plan";

/** A claim left `importing` this long by a process that stopped is taken over by the next run. */
const STALE_CLAIM_MS = 6 * 3600 * 1000;

/**
 * Claims one object for this run: the row (connector, key, ETag) is unique, so of two runs that list the same object
 * only one inserts it and imports; the other skips it. Returns the row id, or null when another run holds it.
 */
export async function claimObject(db: Executor, connectorId: string, unit: PlannedObject, now: Date): Promise<number | null> {
  const [row] = await db
    .insert(connectorObjects)
    .values({ connectorId, key: unit.key, etag: unit.etag, size: unit.size, files: unit.files, outcome: "importing", startedAt: now })
    .onConflictDoUpdate({
      target: [connectorObjects.connectorId, connectorObjects.key, connectorObjects.etag],
      set: { startedAt: now },
      setWhere: and(
        eq(connectorObjects.outcome, "importing"),
        sql`${connectorObjects.startedAt} < ${new Date(now.getTime() - STALE_CLAIM_MS).toISOString()}::timestamptz`,
      ),
    })
    .returning({ id: connectorObjects.id });
  return row?.id ?? null;
}

export type Recorded = { outcome: "imported" | "replaced" | "duplicate" | "rejected"; importId: number | null; errors: unknown[] | null };

export async function recordOutcome(db: Executor, id: number, recorded: Recorded, finishedAt: Date): Promise<void> {
  await db
    .update(connectorObjects)
    .set({ outcome: recorded.outcome, importId: recorded.importId, errors: recorded.errors, finishedAt })
    .where(eq(connectorObjects.id, id));
}

/** Gives a claim back (the store failed mid-read): the next run tries the object again. */
export async function releaseObject(db: Executor, id: number): Promise<void> {
  await db.delete(connectorObjects).where(and(eq(connectorObjects.id, id), eq(connectorObjects.outcome, "importing")));
}
