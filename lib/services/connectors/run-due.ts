import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { connectors } from "@/lib/db/schema";
import { nextRun } from "@/lib/connectors/schedule";
import { runConnector, type RunSummary } from "./run";

/**
 * Runs every enabled, unarchived connector whose next run is due at `now`, one after the other. Each is claimed first
 * by moving its next run to the schedule's next time only where it is still due, so of two app instances calling
 * this at once exactly one runs it (per-object claims in connector_objects guard the objects too).
 */
export async function runDueConnectors(db: Db, now: Date): Promise<RunSummary[]> {
  const due = await db
    .select({ id: connectors.id, schedule: connectors.schedule })
    .from(connectors)
    .where(and(isNull(connectors.archivedAt), eq(connectors.enabled, true), lte(connectors.nextRunAt, now)))
    .orderBy(asc(connectors.nextRunAt));
  const summaries: RunSummary[] = [];
  for (const c of due) {
    const [claimed] = await db
      .update(connectors)
      .set({ nextRunAt: nextRun(c.schedule, now) })
      .where(and(eq(connectors.id, c.id), lte(connectors.nextRunAt, now), isNull(connectors.archivedAt), eq(connectors.enabled, true)))
      .returning({ id: connectors.id });
    if (claimed) summaries.push(await runConnector(db, claimed.id, { now }));
  }
  return summaries;
}
