import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { connectors } from "@/lib/db/schema";
import { nextCronTime } from "@/lib/jobs/schedule";
import { runConnector, type RunSummary } from "./run";

/**
 * Runs every enabled, unarchived connector whose next run is due at `now`, one after the other. Each is claimed first
 * by moving its next run to the schedule's next time only where it is still due, so of two app instances calling
 * this at once exactly one runs it (per-object claims in connector_objects guard the objects too). A connector that
 * throws (its database work failed) is reported as a failed summary and the others still run.
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
      .set({ nextRunAt: nextCronTime(c.schedule, now) })
      .where(and(eq(connectors.id, c.id), lte(connectors.nextRunAt, now), isNull(connectors.archivedAt), eq(connectors.enabled, true)))
      .returning({ id: connectors.id });
    if (!claimed) continue;
    try {
      summaries.push(await runConnector(db, claimed.id, { now }));
    } catch (error) {
      // One connector's database failure must not keep the others from running; it runs again at its next time.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Billing connector ${claimed.id} could not run: ${message}`);
      summaries.push(failedRun(claimed.id, now, message));
    }
  }
  return summaries;
}

function failedRun(connectorId: string, now: Date, error: string): RunSummary {
  const at = now.toISOString();
  const counts = { imported: 0, replaced: 0, duplicate: 0, rejected: 0, failed: 0 };
  return { connectorId, startedAt: at, finishedAt: new Date().toISOString(), result: "failed", error, seen: 0, objects: [], counts };
}
