import { requirePermission, type Ctx } from "@/lib/auth/context";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { holdImportLock, markLive } from "@/lib/ingest/focus/interrupted";
import { engineClient } from "@/lib/ingest/focus/copy-in";
import { isCitus } from "@/lib/db/citus";
import {
  attachPartition,
  buildPartitionIndexes,
  createPartitionTable,
  dropPartitionTable,
  ensurePartition,
} from "@/lib/ingest/focus/partition";
import { replaceEarlierPeriods, type Replaced } from "@/lib/ingest/focus/replace";
import { loadChargeTier } from "@/lib/ingest/focus/ties";
import { SourceAbortedError, type ByteSource } from "@/lib/ingest/focus/stream";
import { summarizeAndRollUp, type FocusSummary } from "@/lib/ingest/focus/summary";
import { claimFile, findSucceeded } from "./claim";
import { finishFailed } from "./fail";
import { markSucceeded, rollUpReplaced } from "./finish";
import { scanAndStage, type StageArgs, type Staged } from "./stage";
import { Duplicate, type FileRead, type FocusImportArgs, type FocusImportOptions, type FocusImportResult } from "./types";

export type { FocusImportArgs, FocusImportResult } from "./types";

/**
 * Imports a FOCUS 1.0–1.3 cost-and-usage CSV (plain or gzip) all-or-nothing: claim the file → scan and stage
 * (typed, checked and tied in Node, COPYed into the import's own table) → index → attach as its partition →
 * summarize and roll up → replace earlier periods → finish, in one transaction on the server (PGlite COPYs outside it). Rules in README ("FOCUS billing import"). Permission billing.import.
 */
export async function importFocus(args: FocusImportArgs): Promise<FocusImportResult> {
  return runFocusImport(args, { fxRates: env().fxRates });
}

export async function runFocusImport(args: FocusImportArgs, options: FocusImportOptions): Promise<FocusImportResult> {
  const clock = new PhaseClock(options.onPhase);
  const { ctx, fileName } = args;
  try {
    requirePermission(ctx, "billing.import");
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return {
      importId: null,
      status: "failed",
      rows: 0,
      bytes: 0,
      sha256: "",
      errors: [{ line: 0, message: error.message }],
      summary: null,
    };
  }
  const importId = await claimFile(ctx, fileName);
  const unmarkLive = markLive(ctx.db, importId);
  const read: FileRead = { rows: 0, bytes: 0, sha256: "" };
  const job: Job = { ctx, importId, fileName, clock, signal: args.signal };
  const stage = { source: args.source as ByteSource, signal: args.signal, onProgress: args.onProgress, fxRates: options.fxRates };
  try {
    const { bytes, sha256, replaced, summary } = await stageAndLoad(job, stage, read);
    clock.mark("mark succeeded, commit");
    return { importId, status: "succeeded", rows: read.rows, bytes, sha256, errors: [], replaced, summary };
  } catch (error) {
    return finishFailed(ctx.db, importId, error, read);
  } finally {
    unmarkLive();
  }
}

type Job = { ctx: Ctx; importId: number; fileName: string; clock: PhaseClock; signal?: AbortSignal };
type Loaded = { bytes: number; sha256: string; summary: FocusSummary; replaced: Replaced[] };

/**
 * The server COPYs the rows into the import's own table inside the load transaction (created there, so the
 * COPY may FREEZE and a rollback leaves nothing). PGlite (one connection, whose transaction would hold every
 * other query of the app) fills the table outside it and drops it unless the import finished. A Citus coordinator
 * creates the partition attached and COPYs into its shards (no FREEZE, no index build or attach after).
 */
async function stageAndLoad(job: Job, stage: Omit<StageArgs, "importId" | "freeze" | "ties">, read: FileRead): Promise<Loaded> {
  const { db } = job.ctx;
  const { importId } = job;
  if (engineClient(db).engine === "postgres") {
    const citus = await isCitus(db);
    return db.transaction(async (tx) => {
      await holdImportLock(tx, importId);
      if (citus) await ensurePartition(tx, importId);
      else await createPartitionTable(tx, importId);
      const staged = await scanAndStage(tx, { ...stage, importId, freeze: !citus, ties: await loadChargeTier(tx) }, read);
      return loadAndFinish(tx, job, staged, citus);
    });
  }
  let attached = false;
  try {
    await createPartitionTable(db, importId);
    const staged = await scanAndStage(db, { ...stage, importId, freeze: false, ties: await loadChargeTier(db) }, read);
    const loaded = await db.transaction((tx) => loadAndFinish(tx, job, staged));
    attached = true;
    return loaded;
  } finally {
    if (!attached) await dropPartitionTable(db, importId).catch(() => {});
  }
}

async function loadAndFinish(tx: Tx, job: Job, staged: Staged, attached = false): Promise<Loaded> {
  const { ctx, importId, fileName, clock } = job;
  // A client that gives up after its whole file arrived rolls the load back at the next step.
  const mark = (phase: string) => {
    clock.mark(phase);
    if (job.signal?.aborted) throw new SourceAbortedError("The upload was aborted before the import finished; nothing was loaded.");
  };
  mark("read, check, tie and COPY");
  const earlier = await findSucceeded(tx, staged.tap.sha256(), importId);
  if (earlier) throw new Duplicate(earlier);
  if (!attached) {
    // The server sorts each index in memory; PGlite's WebAssembly heap never shrinks, so it sorts in small runs.
    const sortMemory = engineClient(tx).engine === "postgres" ? "256MB" : "16MB";
    await tx.execute(sql.raw(`set local maintenance_work_mem = '${sortMemory}'`));
    await buildPartitionIndexes(tx, importId);
    mark("indexes");
    await attachPartition(tx, importId);
    mark("attach");
  }
  const { summary, periods } = await summarizeAndRollUp(tx, importId);
  mark("summary and billing_monthly");
  const { replaced, touched } = await replaceEarlierPeriods(tx, importId, periods);
  await rollUpReplaced(tx, touched);
  mark("replace");
  await markSucceeded(tx, ctx, { importId, fileName, staged, summary, periods, replaced });
  return { bytes: staged.tap.bytes, sha256: staged.tap.sha256(), summary, replaced };
}

/** Reports the time since the previous mark under each phase's name (scripts/bench-ingest.ts). */
class PhaseClock {
  private start = performance.now();

  constructor(private readonly onPhase?: (phase: string, ms: number) => void) {}

  mark(phase: string): void {
    const now = performance.now();
    this.onPhase?.(phase, now - this.start);
    this.start = now;
  }
}
