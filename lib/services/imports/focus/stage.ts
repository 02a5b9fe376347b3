import type { Executor } from "@/lib/db/client";
import type { CopyWriter } from "@/lib/ingest/focus/copy-in";
import type { ChargeTier } from "@/lib/ingest/focus/ties";
import { openPartitionWriter } from "@/lib/ingest/focus/partition";
import { copyLine, FocusRowMapper, MAX_ERRORS, type FocusError } from "@/lib/ingest/focus/rows";
import { FocusScanner, type ScanHandlers } from "@/lib/ingest/focus/scan";
import { pumpBytes, type ByteSource, type Tap } from "@/lib/ingest/focus/stream";
import { Rejected, type FileRead } from "./types";

const PROGRESS_MS = 250;
/** Lines a COPY write carries (one string → bytes conversion each). */
const BATCH_ROWS = 512;

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
  private readonly prefix: string;
  mapper?: FocusRowMapper;
  private writer?: CopyWriter;
  private lines: string[] = [];
  private lastProgress = 0;
  /** The file so far holds a backslash or a tab: cells need COPY escaping (a record may span chunks, so it sticks). */
  private escapes = false;

  constructor(
    private readonly target: Executor,
    private readonly args: StageArgs,
    private readonly read: FileRead,
  ) {
    this.prefix = `${args.importId}\t`;
  }

  private get failed(): boolean {
    return this.structural.length > 0 || this.rowErrors.length > 0 || (this.mapper?.headerErrors.length ?? 0) > 0;
  }

  onHeader(fields: string[], line: number) {
    this.mapper = new FocusRowMapper(fields, line, { fxRates: this.args.fxRates });
    return { extract: new Array<boolean>(fields.length).fill(true) };
  }

  onRecord(fields: string[], line: number, multiline: boolean): boolean {
    this.read.rows++;
    const row = this.mapper!.row(fields, line, this.rowErrors, !this.escapes && !multiline);
    // After the first error the rows are only checked, for the report.
    if (!row || this.failed) return false;
    const t = this.args.ties.tie(row);
    this.lines.push(
      copyLine(
        `${this.prefix}${line}\t${t.providerId ?? "\\N"}\t${t.contractId ?? "\\N"}\t${t.reservationId ?? "\\N"}\t${t.acceleratorTypeId ?? "\\N"}`,
        row,
      ),
    );
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
    if (chunk !== null && !this.escapes) this.escapes = chunk.indexOf(0x5c) >= 0 || chunk.indexOf(0x09) >= 0;
    if (chunk) this.scanner.push(chunk, this.passed);
    else this.scanner.end(this.passed);
    this.passed.length = 0;
    if (this.mapper && !this.writer && !this.failed) {
      this.writer = await openPartitionWriter(this.target, this.args.importId, this.args.freeze);
    }
    if (this.failed) this.lines = [];
    else await this.flush(chunk === null ? 1 : BATCH_ROWS);
    this.report(false);
    return !this.scanner.done && this.errorCount() < MAX_ERRORS;
  }

  private async flush(atLeast: number): Promise<void> {
    if (this.lines.length < atLeast || !this.writer) return;
    const text = this.lines.join("");
    this.lines = [];
    await this.writer.write(Buffer.from(text, "utf8"));
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
