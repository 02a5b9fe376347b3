import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { billingMonthKeys, refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { matchCharges } from "@/lib/ingest/matching";
import { audit } from "../../audit";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { CsvSyntaxError } from "@/lib/csv/read";
import { failInterruptedImports, holdImportLock, markLive } from "@/lib/ingest/focus/interrupted";
import { replaceEarlierPeriods, type Replaced } from "@/lib/ingest/focus/replace";
import { FocusRowMapper, MAX_ERRORS, type FocusError } from "@/lib/ingest/focus/rows";
import { FocusScanner } from "@/lib/ingest/focus/scan";
import {
  createRawStaging,
  createStaging,
  dropStaging,
  engineClient,
  insertStaged,
  lineExpression,
  openRawWriter,
  openStagingWriter,
  rawAsTyped,
  stagedAsTyped,
  replayRaw,
  type CopyWriter,
} from "@/lib/ingest/focus/staging";
import { GzipError, pumpBytes, SourceAbortedError, type ByteSource, type Tap } from "@/lib/ingest/focus/stream";
import { summarizeImport, type FocusSummary } from "@/lib/ingest/focus/summary";

export type { FocusSummary } from "@/lib/ingest/focus/summary";
export type { FocusError } from "@/lib/ingest/focus/rows";

export type FocusImportResult = {
  /** null only when refused before an imports row exists (forbidden). For a duplicate: the earlier import. */
  importId: number | null;
  status: "succeeded" | "duplicate" | "failed";
  rows: number;
  bytes: number;
  sha256: string;
  /** First 100, failed only. */
  errors: FocusError[];
  replaced?: Replaced[];
  summary: FocusSummary | null;
  /** For a duplicate: the earlier succeeded import of the same bytes. */
  duplicateOf?: { importId: number; fileName: string; createdAt: string };
};

export type FocusImportArgs = {
  ctx: Ctx;
  source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream;
  fileName: string;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  signal?: AbortSignal;
};

const PLACEHOLDER_SHA = "0".repeat(64);
const PROGRESS_MS = 250;

class Rejected extends Error {}
class Duplicate extends Error {
  constructor(readonly earlier: { id: number; fileName: string; createdAt: Date }) {
    super("duplicate");
  }
}

/**
 * Imports a FOCUS 1.0–1.3 cost-and-usage CSV (plain or gzip) all-or-nothing: streamed through a
 * staging table in one transaction, then matched, summarized from the database and marked succeeded.
 * Rules in README ("FOCUS billing import").
 */
export async function importFocus(args: FocusImportArgs): Promise<FocusImportResult> {
  return runFocusImport(args, { fxRates: env().fxRates });
}

export async function runFocusImport(
  { ctx, source, fileName, onProgress, signal }: FocusImportArgs,
  options: { fxRates: Readonly<Record<string, string>>; onPhase?: (phase: string, ms: number) => void },
): Promise<FocusImportResult> {
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - phaseStart);
    phaseStart = now;
  };
  try {
    requirePermission(ctx, "billing.import");
  } catch (error) {
    return {
      importId: null,
      status: "failed",
      rows: 0,
      bytes: 0,
      sha256: "",
      errors: [{ line: 0, message: (error as Error).message }],
      summary: null,
    };
  }
  const db = ctx.db;
  await failInterruptedImports(db);
  const [created] = await db
    .insert(imports)
    .values({
      kind: "focus",
      fileName,
      sha256: PLACEHOLDER_SHA,
      status: "running",
      createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
    })
    .returning({ id: imports.id });
  const importId = created!.id;
  const unmarkLive = markLive(db, importId);

  let errors: FocusError[] = [];
  let rows = 0;
  let tap: Tap | undefined;
  let bytesSeen = 0;
  let mapper: FocusRowMapper | undefined;
  let scanner: FocusScanner | undefined;
  let width = 0;
  try {
    // Reads the file into the raw staging table: the server streams inside the load transaction; PGlite
    // (one connection, whose transaction would hold every other query of the app) stages outside it.
    const stage = async (target: Executor, table: string, onCommit: "on commit drop" | "") => {
      let writer: CopyWriter | undefined;
      const structural: FocusError[] = [];
      const scratch: FocusError[] = [];
      let badCells = false;
      // A header with errors: nothing is staged; the rows are still checked in full, for the report.
      const rowErrors: FocusError[] = [];
      let headerFailed = false;
      let lastProgress = 0;
      const report = (force: boolean) => {
        const now = Date.now();
        if (!onProgress || (!force && now - lastProgress < PROGRESS_MS)) return;
        lastProgress = now;
        onProgress({ bytes: bytesSeen, rows });
      };
      const scan = new FocusScanner({
        onHeader: (fields, line) => {
          mapper = new FocusRowMapper(fields, line, options);
          width = fields.length;
          headerFailed = mapper.headerErrors.length > 0;
          return { extract: headerFailed ? new Array<boolean>(width).fill(true) : mapper.checkedColumns() };
        },
        onRecord: (fields, line) => {
          rows++;
          if (headerFailed) {
            mapper!.map(fields, line, rowErrors);
            return false;
          }
          // After the first bad cell, the rows are checked again in full from the staging table.
          if (!badCells && !mapper!.check(fields, line, scratch)) badCells = true;
          return true;
        },
        onProblem: (line, column, problem, count) => {
          rows++;
          structural.push(
            problem === "width"
              ? { line, message: `The row has ${count} fields; the header has ${width}` }
              : { line, column: mapper!.columnName(column!), message: "The cell contains a NUL character" },
          );
          return structural.length < MAX_ERRORS;
        },
      });
      scanner = scan;
      const out: Buffer[] = [];
      try {
        tap = await pumpBytes(
          source as ByteSource,
          async (chunk) => {
            if (chunk) scan.push(chunk, out);
            else scan.end(out);
            if (headerFailed) return mapper!.headerErrors.length + rowErrors.length + structural.length < MAX_ERRORS && !scan.done;
            if (mapper && !writer) {
              await createRawStaging(target, table, width, onCommit);
              writer = await openRawWriter(target, table, width);
            }
            for (const bytes of out) await writer!.write(bytes);
            out.length = 0;
            report(false);
            return !scan.done;
          },
          { signal, onBytes: (n) => (bytesSeen = n) },
        );
      } catch (error) {
        writer?.abort();
        throw error;
      }
      report(true);
      if (!mapper) errors.push({ line: 1, message: "The file is empty: a FOCUS file starts with a header row." });
      else if (headerFailed) {
        const rowsReport = [...structural, ...rowErrors].sort((a, b) => a.line - b.line);
        errors.push(...[...mapper.headerErrors, ...rowsReport].slice(0, MAX_ERRORS));
      }
      if (errors.length > 0) {
        writer?.abort();
        throw new Rejected();
      }
      await writer!.finish();
      phase("read, check and COPY to staging");
      if (structural.length > 0 || badCells) {
        const cells =
          engineClient(target).engine === "postgres" ? await diagnose(target, table) : await db.transaction((tx) => diagnose(tx, table));
        errors = [...structural, ...cells].sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
        throw new Rejected();
      }
    };
    /** Every row of the raw staging table through FocusRowMapper.map: its errors (the first 100). */
    const diagnose = async (tx: Executor, table: string): Promise<FocusError[]> => {
      const found: FocusError[] = [];
      await replayRaw(
        tx,
        table,
        width,
        (n) => scanner!.lines.lineOf(n),
        (fields, line) => {
          mapper!.map(fields, line, found);
          return found.length < MAX_ERRORS;
        },
      );
      return found;
    };
    /** The rows through FocusRowMapper.map into the typed staging table (FX conversion, JSON extension columns). */
    const insertMapped = async (tx: Tx, table: string) => {
      await createStaging(tx, "focus_stage", "on commit drop");
      const found: FocusError[] = [];
      let lines: string[] = [];
      // One COPY per fetched batch: the cursor and a COPY cannot share the connection at once.
      const copyBatch = async () => {
        if (lines.length === 0 || found.length > 0) return;
        const writer = await openStagingWriter(tx, "focus_stage");
        for (const text of lines) await writer.write(text);
        await writer.finish();
        lines = [];
      };
      await replayRaw(
        tx,
        table,
        width,
        (n) => scanner!.lines.lineOf(n),
        (fields, line) => {
          const text = mapper!.map(fields, line, found);
          if (text !== null) lines.push(text);
          return found.length === 0;
        },
        copyBatch,
      );
      if (found.length > 0) {
        errors = found;
        throw new Rejected();
      }
      await copyBatch();
      await insertStaged(tx, stagedAsTyped("focus_stage"), importId);
    };
    const load = async (tx: Tx, table: string) => {
      const sha256 = tap!.sha256();
      const [earlier] = await tx
        .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt })
        .from(imports)
        .where(and(eq(imports.kind, "focus"), eq(imports.status, "succeeded"), eq(imports.sha256, sha256), ne(imports.id, importId)))
        .limit(1);
      if (earlier) throw new Duplicate(earlier);
      if (mapper!.needsFx || mapper!.hasJsonExtra) {
        await insertMapped(tx, table);
      } else {
        // Dates without a zone are UTC, as FocusRowMapper reads them.
        await tx.execute(sql`set local timezone to 'UTC'`);
        const line = await lineExpression(tx, scanner!.lines);
        await tx.execute(sql`savepoint focus_cast`);
        try {
          await insertStaged(tx, rawAsTyped(table, { width, ...mapper!.sources(), columns: mapper!.layout() }, line), importId);
          await tx.execute(sql`release savepoint focus_cast`);
        } catch (error) {
          // A cell PostgreSQL refuses that the checks let through (bad JSON inside Tags, …): the rows are
          // read again through the full checks, which name it; if they find nothing, they load the file.
          if (!isDataError(error)) throw error;
          await tx.execute(sql`rollback to savepoint focus_cast`);
          const found = await diagnose(tx, table);
          if (found.length > 0) {
            errors = found;
            throw new Rejected();
          }
          await insertMapped(tx, table);
        }
      }
      phase("INSERT … SELECT into cost_line_items");
      await matchCharges(tx, importId, { tiedOnInsert: true });
      phase("matchCharges");
      const { summary, periods } = await summarizeImport(tx, importId);
      phase("summary");
      const { replaced, touched } = await replaceEarlierPeriods(tx, importId, periods);
      phase("replace");
      await refreshBillingMonthly(tx, { importId });
      if (touched.length > 0) await refreshBillingMonthly(tx, billingMonthKeys(touched));
      phase("billing_monthly");
      await tx
        .update(imports)
        .set({ status: "succeeded", sha256, rows, bytes: tap!.bytes, summary: { ...summary, periods }, finishedAt: new Date() })
        .where(eq(imports.id, importId));
      await audit(tx, ctx, {
        action: "billing.import",
        entityType: "import",
        entityId: String(importId),
        after: { kind: "focus", fileName, sha256, rows, bytes: tap!.bytes, gzip: tap!.gzip, replaced },
      });
      return { sha256, summary, replaced, bytes: tap!.bytes };
    };
    let outcome: Awaited<ReturnType<typeof load>>;
    if (engineClient(db).engine === "postgres") {
      outcome = await db.transaction(async (tx) => {
        await holdImportLock(tx, importId);
        await stage(tx, "focus_raw", "on commit drop");
        return load(tx, "focus_raw");
      });
    } else {
      const table = `focus_raw_${importId}`;
      try {
        await stage(db, table, "");
        outcome = await db.transaction((tx) => load(tx, table));
      } finally {
        await dropStaging(db, table).catch(() => {});
      }
    }
    phase("mark succeeded, commit");
    return {
      importId,
      status: "succeeded",
      rows,
      bytes: outcome.bytes,
      sha256: outcome.sha256,
      errors: [],
      replaced: outcome.replaced,
      summary: outcome.summary,
    };
  } catch (error) {
    const sha256 = tap?.sha256() ?? "";
    if (error instanceof Duplicate || isDuplicateKey(error)) {
      const earlier = error instanceof Duplicate ? error.earlier : await findSucceeded(db, sha256);
      if (earlier) {
        await db
          .delete(imports)
          .where(eq(imports.id, importId))
          .catch(() => {});
        return {
          importId: earlier.id,
          status: "duplicate",
          rows: 0,
          bytes: tap?.bytes ?? bytesSeen,
          sha256,
          errors: [],
          summary: null,
          duplicateOf: { importId: earlier.id, fileName: earlier.fileName, createdAt: earlier.createdAt.toISOString() },
        };
      }
    }
    if (!(error instanceof Rejected)) errors.push(describeFailure(error));
    const bytes = tap?.bytes ?? bytesSeen;
    await db
      .update(imports)
      .set({ status: "failed", errors, rows: 0, bytes, sha256: sha256 || PLACEHOLDER_SHA, finishedAt: new Date() })
      .where(eq(imports.id, importId))
      .catch(() => {});
    return { importId, status: "failed", rows, bytes, sha256, errors, summary: null };
  } finally {
    unmarkLive();
  }
}

async function findSucceeded(db: Db, sha256: string) {
  if (!sha256) return undefined;
  const [row] = await db
    .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt })
    .from(imports)
    .where(and(eq(imports.kind, "focus"), eq(imports.status, "succeeded"), eq(imports.sha256, sha256)))
    .limit(1);
  return row;
}

/** A cast, a range or a constraint PostgreSQL refused (SQLSTATE classes 22 and 23, not a duplicate). */
function isDataError(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? "";
  return (code.startsWith("22") || code.startsWith("23")) && code !== "23505";
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

function describeFailure(error: unknown): FocusError {
  if (error instanceof SourceAbortedError || error instanceof GzipError || error instanceof AppError)
    return { line: 0, message: error.message };
  if (error instanceof CsvSyntaxError) return { line: error.line, message: `The file is not valid CSV: ${error.message}` };
  console.error(error);
  // The database's own words, not drizzle's "Failed query: <the whole statement>".
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : (error as Error).message;
  return { line: 0, message: `The import failed and nothing was loaded: ${message}` };
}
