import type { Executor } from "@/lib/db/client";
import type { CopyWriter } from "@/lib/ingest/focus/copy-in";
import type { ChargeTier } from "@/lib/ingest/focus/ties";
import { openPartitionWriter } from "@/lib/ingest/focus/partition";
import { clearDecimals, copyPlan, CopyRows, prepareDecimals, type CopyPlan } from "@/lib/ingest/focus/copy-rows";
import { FocusRowMapper, MAX_ERRORS, type FocusError } from "@/lib/ingest/focus/rows";
import { FocusScanner, type ScanHandlers } from "@/lib/ingest/focus/scan";
import { pumpBytes, type ByteSource, type Tap } from "@/lib/ingest/focus/stream";
import { Rejected, type FileRead } from "./types";

const PROGRESS_MS = 250;

export type StageArgs = {
  source: ByteSource;
  signal?: AbortSignal;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  fxRates: Readonly<Record<string, string>>;
  /** The import whose table (lib/ingest/focus/partition.ts) the rows go to, created by the caller. */
  importId: number;
  /** The table was created in the writing transaction: COPY … FREEZE. */
  freeze: boolean;
  /** Ties each row to the registers (provider, reservation, contract, accelerator type). */
  ties: ChargeTier;
};

/** A file read whole into its import's table. */
export type Staged = { mapper: FocusRowMapper; tap: Tap; rows: number };

/**
 * Streams the file through FocusScanner and FocusRowMapper (every cell checked and typed in Node), ties
 * each row to the registers and COPYs the typed rows into the import's table, under the server's
 * back-pressure. Refuses (Rejected) an empty file, a header with errors or any bad row, with the first 100
 * errors by line and column; rows after the first error are only checked, never written, and the caller's
 * rollback (or drop, on PGlite) removes the ones written before it. Counts rows and bytes into `read`.
 */
export async function scanAndStage(target: Executor, args: StageArgs, read: FileRead): Promise<Staged> {
  const stager = new RowStager(target, args, read);
  let tap: Tap;
  try {
    tap = await pumpBytes(args.source, (chunk) => stager.take(chunk), { signal: args.signal, onBytes: (n) => (read.bytes = n) });
  } catch (error) {
    stager.abort();
    throw error;
  }
  read.sha256 = tap.sha256();
  stager.report(true);
  const refused = stager.refusal();
  if (refused) {
    await stager.finish().catch(() => {});
    throw new Rejected(refused);
  }
  await stager.finish();
  return { mapper: stager.mapper!, tap, rows: read.rows };
}

/** The scan's handlers and the COPY into the import's table, for one file. */
class RowStager implements ScanHandlers {
  private readonly scanner = new FocusScanner(this);
  private readonly passed: Buffer[] = [];
  private readonly structural: FocusError[] = [];
  private readonly rowErrors: FocusError[] = [];
  mapper?: FocusRowMapper;
  private plan?: CopyPlan;
  private writer?: CopyWriter;
  private lines?: CopyRows;
  private lastProgress = 0;

  constructor(
    private readonly target: Executor,
    private readonly args: StageArgs,
    private readonly read: FileRead,
  ) {}

  private get failed(): boolean {
    return this.structural.length > 0 || this.rowErrors.length > 0 || (this.mapper?.headerErrors.length ?? 0) > 0;
  }

  onHeader(fields: string[], line: number) {
    this.mapper = new FocusRowMapper(fields, line, { fxRates: this.args.fxRates });
    this.plan = copyPlan(this.mapper);
    this.mapper.restrict(this.plan.read);
    this.lines = new CopyRows(this.plan, this.args.importId);
    return { extract: this.plan.extract };
  }

  onRecord(fields: string[], line: number): boolean {
    this.read.rows++;
    const plan = this.plan!;
    prepareDecimals(plan, this.scanner.record, fields);
    const row = this.mapper!.row(fields, line, this.rowErrors, true);
    // After the first error the rows are only checked, for the report.
    if (row && !this.failed) this.lines!.add(this.scanner.record, line, this.args.ties.tie(row), row);
    clearDecimals(plan, fields);
    return false;
  }

  onProblem(line: number, column: number | undefined, problem: "width" | "nul", count: number): boolean {
    this.read.rows++;
    this.structural.push(
      problem === "width"
        ? { line, message: `The row has ${count} fields; the header has ${this.width}` }
        : { line, column: this.mapper!.columnName(column!), message: "The cell contains a NUL character" },
    );
    return this.errorCount() < MAX_ERRORS;
  }

  private get width(): number {
    return this.mapper!.width;
  }

  private errorCount(): number {
    return (this.mapper?.headerErrors.length ?? 0) + this.rowErrors.length + this.structural.length;
  }

  async take(chunk: Buffer | null): Promise<boolean> {
    // Records are written from `lines`, not from the scanner's pass-through bytes.
    if (chunk) this.scanner.push(chunk, this.passed);
    else this.scanner.end(this.passed);
    this.passed.length = 0;
    if (this.mapper && !this.writer && !this.failed) {
      this.writer = await openPartitionWriter(this.target, this.args.importId, this.args.freeze, this.plan!.columns);
    }
    if (this.failed) this.lines?.take(0);
    else await this.flush(chunk === null ? 1 : undefined);
    this.report(false);
    return !this.scanner.done && this.errorCount() < MAX_ERRORS;
  }

  private async flush(atLeast?: number): Promise<void> {
    if (!this.writer) return;
    const bytes = this.lines!.take(atLeast);
    if (bytes) await this.writer.write(bytes);
  }

  report(force: boolean): void {
    const now = Date.now();
    if (!this.args.onProgress || (!force && now - this.lastProgress < PROGRESS_MS)) return;
    this.lastProgress = now;
    this.args.onProgress({ bytes: this.read.bytes, rows: this.read.rows });
  }

  /** The errors that refuse the file, the first 100 by line: no header, a header with errors, bad rows. */
  refusal(): FocusError[] | null {
    if (!this.mapper) return [{ line: 1, message: "The file is empty: a FOCUS file starts with a header row." }];
    if (!this.failed) return null;
    const rows = [...this.structural, ...this.rowErrors].sort((a, b) => a.line - b.line);
    return [...this.mapper.headerErrors, ...rows].slice(0, MAX_ERRORS);
  }

  abort(): void {
    this.writer?.abort();
  }

  async finish(): Promise<void> {
    await this.flush(1);
    await this.writer?.finish();
  }
}
