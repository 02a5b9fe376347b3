import { eq } from "drizzle-orm";
import type { Ctx } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { connectors } from "@/lib/db/schema";
import { fxRates } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { concatenateCsv } from "@/lib/connectors/manifest";
import { openStore, type ConnectorConfig, type ObjectStore } from "@/lib/connectors/storage";
import { runFocusImport } from "@/lib/services/imports/focus";
import type { FocusError } from "@/lib/services/imports/focus/types";
import { systemCtx } from "@/lib/services/system-actor";
import { audit } from "../audit";
import { claimObject, recordOutcome, releaseObject } from "./claim";
import { configOf, requireSecretKey, scrub } from "./config";
import { planObjects, type PlannedObject } from "./plan";

export type ObjectOutcome = "imported" | "replaced" | "duplicate" | "rejected" | "failed";

export type ObjectResult = {
  key: string;
  etag: string;
  size: number;
  files: string[] | null;
  outcome: ObjectOutcome;
  importId: number | null;
  rows: number;
  errors: FocusError[];
};

export type RunSummary = {
  connectorId: string;
  startedAt: string;
  finishedAt: string;
  /** succeeded: every new object loaded or was a duplicate; partial: some rejected or failed; failed: the run could not list or read. */
  result: "succeeded" | "partial" | "failed";
  error: string | null;
  /** Objects already met with the same ETag, not read again. */
  seen: number;
  objects: ObjectResult[];
  counts: Record<ObjectOutcome, number>;
};

type Row = typeof connectors.$inferSelect;

/**
 * Runs one connector now: lists its objects, imports each new or changed one (or manifest export) through the FOCUS
 * importer, records each outcome by (connector, key, ETag) and the run's result on the connector. Called by the jobs
 * runner (through runDueConnectors) and by "Run now". `ctx`: who runs it (default: the system, as admin).
 */
export async function runConnector(db: Db, connectorId: string, options: { now: Date; ctx?: Ctx }): Promise<RunSummary> {
  const { now } = options;
  const clock = performance.now();
  const at = () => new Date(now.getTime() + Math.round(performance.now() - clock));
  const row = await startRun(db, connectorId, now);
  const ctx = options.ctx ?? systemCtx(db, `connector ${row.name}`);
  const objects: ObjectResult[] = [];
  let seen = 0;
  let error: string | null = null;
  let config: ConnectorConfig | undefined;
  let store: ObjectStore | undefined;
  try {
    config = configOf(row, requireSecretKey());
    store = openStore(config);
    const plan = await planObjects(db, row.id, store, row.prefix);
    seen = plan.filter((u) => u.status === "seen").length;
    for (const unit of plan.filter((u) => u.status !== "seen")) {
      const result = await importUnit(ctx, { row, unit, store, config, now: at });
      if (result) objects.push(result);
      else seen += 1;
    }
  } catch (e) {
    error = scrub(e instanceof Error ? e.message : String(e), config);
    console.error(`Billing connector ${row.name} failed: ${error}`);
  } finally {
    store?.close();
  }
  return finishRun(ctx, row, { startedAt: now, finishedAt: at(), error, seen, objects });
}

async function startRun(db: Db, connectorId: string, now: Date): Promise<Row> {
  const [row] = await db.update(connectors).set({ lastRunStartedAt: now }).where(eq(connectors.id, connectorId)).returning();
  if (!row) throw new NotFoundError("This connector no longer exists.");
  return row;
}

class StoreReadError extends Error {
  override name = "StoreReadError";
}

/** Claims and imports one unit; null when another run holds it. A store that fails mid-read gives the claim back. */
async function importUnit(
  ctx: Ctx,
  job: { row: Row; unit: PlannedObject; store: ObjectStore; config: ConnectorConfig; now: () => Date },
): Promise<ObjectResult | null> {
  const { row, unit, store, config } = job;
  const claim = await claimObject(ctx.db, row.id, unit, job.now());
  if (claim === null) return null;
  const base = { key: unit.key, etag: unit.etag, size: unit.size, files: unit.files };
  if (unit.problem) {
    const errors = [{ line: 0, message: unit.problem }];
    await recordOutcome(ctx.db, claim, { outcome: "rejected", importId: null, errors }, job.now());
    return { ...base, outcome: "rejected", importId: null, rows: 0, errors };
  }
  const failure: { message?: string } = {};
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      if (unit.files) yield* concatenateCsv(unit.files, (key) => store.open(key));
      else for await (const chunk of await store.open(unit.key)) yield chunk as Uint8Array;
    } catch (e) {
      if (e instanceof AppError) throw e;
      failure.message = scrub(e instanceof Error ? e.message : String(e), config);
      throw new StoreReadError(`Reading ${unit.key} from the store failed: ${failure.message}`);
    }
  }
  const result = await runFocusImport({ ctx, source: guarded(), fileName: unit.key }, { fxRates: fxRates() });
  if (failure.message !== undefined) {
    await releaseObject(ctx.db, claim);
    const errors = [{ line: 0, message: `Reading the object failed; it is tried again at the next run (${failure.message}).` }];
    return { ...base, outcome: "failed", importId: null, rows: 0, errors };
  }
  const outcome =
    result.status === "succeeded"
      ? unit.status === "changed"
        ? "replaced"
        : "imported"
      : result.status === "duplicate"
        ? "duplicate"
        : "rejected";
  await recordOutcome(
    ctx.db,
    claim,
    { outcome, importId: result.importId, errors: result.errors.length ? result.errors : null },
    job.now(),
  );
  return { ...base, outcome, importId: result.importId, rows: result.status === "succeeded" ? result.rows : 0, errors: result.errors };
}

async function finishRun(
  ctx: Ctx,
  row: Row,
  run: { startedAt: Date; finishedAt: Date; error: string | null; seen: number; objects: ObjectResult[] },
): Promise<RunSummary> {
  const counts: Record<ObjectOutcome, number> = { imported: 0, replaced: 0, duplicate: 0, rejected: 0, failed: 0 };
  for (const o of run.objects) counts[o.outcome] += 1;
  const result = run.error ? "failed" : counts.rejected + counts.failed > 0 ? "partial" : "succeeded";
  const firstProblem = run.objects.find((o) => o.errors.length)?.errors[0]?.message ?? null;
  const lastError = run.error ?? (result === "partial" ? firstProblem : null);
  const lastSummary = { counts, seen: run.seen };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(connectors)
      .set({ lastRunFinishedAt: run.finishedAt, lastResult: result, lastError, lastSummary })
      .where(eq(connectors.id, row.id));
    // A scheduled run that found nothing new (every minute, for each connector) is on the connector row only: the
    // audit log and the data version (the page cache's key) move when a run did something, failed, or a person ran it.
    const quiet = run.objects.length === 0 && !run.error && ctx.actor.kind === "system";
    if (!quiet)
      await audit(tx, ctx, {
        action: "connector.run",
        entityType: "connector",
        entityId: row.id,
        after: { name: row.name, result, error: lastError, ...lastSummary },
      });
  });
  return {
    connectorId: row.id,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    result,
    error: run.error,
    seen: run.seen,
    objects: run.objects,
    counts,
  };
}
