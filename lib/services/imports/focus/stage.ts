import type { Executor } from "@/lib/db/client";
import { FocusRowMapper, MAX_ERRORS, type FocusError } from "@/lib/ingest/focus/rows";
import { FocusScanner, type LineMap, type ScanHandlers } from "@/lib/ingest/focus/scan";
import { createRawStaging, openRawWriter, type CopyWriter } from "@/lib/ingest/focus/staging";
import { pumpBytes, type ByteSource, type Tap } from "@/lib/ingest/focus/stream";
import { Rejected, type FileRead } from "./types";

const PROGRESS_MS = 250;

export type StageArgs = {
  source: ByteSource;
  signal?: AbortSignal;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  fxRates: Readonly<Record<string, string>>;
  /** The raw staging table: in the load's transaction on the server (on commit drop), outside it on PGlite. */
  table: string;
  onCommit: "on commit drop" | "";
};

/** A file read whole into the raw staging table, with what the scan learned about it. */
export type Staged = {
  table: string;
  width: number;
  mapper: FocusRowMapper;
  lines: LineMap;
  tap: Tap;
  rows: number;
  /** Records left out for their shape (width, NUL), the first 100. */
  structural: FocusError[];
  /** A checked cell was wrong: every row is to be read again through the full checks. */
  badCells: boolean;
};

/**
 * Streams the file through FocusScanner into the raw staging table, checking the cells that need it on the
 * way. Refuses (Rejected) an empty file or a header with errors; then nothing is staged, but the rows are
 * still checked in full, for the report. Counts rows and bytes into `read` as it goes.
 */
export async function scanAndStage(target: Executor, args: StageArgs, read: FileRead): Promise<Staged> {
  const stager = new RawStager(target, args, read);
  let tap: Tap;
  try {
    tap = await pumpBytes(args.source, (chunk) => stager.take(chunk), { signal: args.signal, onBytes: (n) => (read.bytes = n) });
  } catch (error) {
    stager.abort();
    throw error;
  }
  read.sha256 = tap.sha256();
  stager.report(true);
  const refused = stager.headerRefusal();
  if (refused) {
    stager.abort();
    throw new Rejected(refused);
  }
  return { ...(await stager.finish()), tap, rows: read.rows };
}

/** The scan's handlers and the COPY into raw staging, for one file. */
class RawStager implements ScanHandlers {
  private readonly scanner = new FocusScanner(this);
  private readonly out: Buffer[] = [];
  private readonly structural: FocusError[] = [];
  private readonly scratch: FocusError[] = [];
  private readonly rowErrors: FocusError[] = [];
  private mapper?: FocusRowMapper;
  private writer?: CopyWriter;
  private width = 0;
  private headerFailed = false;
  private badCells = false;
  private lastProgress = 0;

  constructor(
    private readonly target: Executor,
    private readonly args: StageArgs,
    private readonly read: FileRead,
  ) {}

  onHeader(fields: string[], line: number) {
    this.mapper = new FocusRowMapper(fields, line, { fxRates: this.args.fxRates });
    this.width = fields.length;
    this.headerFailed = this.mapper.headerErrors.length > 0;
    return { extract: this.headerFailed ? new Array<boolean>(this.width).fill(true) : this.mapper.checkedColumns() };
  }

  onRecord(fields: string[], line: number): boolean {
    this.read.rows++;
    if (this.headerFailed) {
      this.mapper!.map(fields, line, this.rowErrors);
      return false;
    }
    // After the first bad cell, the rows are checked again in full from the staging table.
    if (!this.badCells && !this.mapper!.check(fields, line, this.scratch)) this.badCells = true;
    return true;
  }

  onProblem(line: number, column: number | undefined, problem: "width" | "nul", count: number): boolean {
    this.read.rows++;
    this.structural.push(
      problem === "width"
        ? { line, message: `The row has ${count} fields; the header has ${this.width}` }
        : { line, column: this.mapper!.columnName(column!), message: "The cell contains a NUL character" },
    );
    return this.structural.length < MAX_ERRORS;
  }

  async take(chunk: Buffer | null): Promise<boolean> {
    if (chunk) this.scanner.push(chunk, this.out);
    else this.scanner.end(this.out);
    if (this.headerFailed) {
      return this.mapper!.headerErrors.length + this.rowErrors.length + this.structural.length < MAX_ERRORS && !this.scanner.done;
    }
    if (this.mapper && !this.writer) {
      await createRawStaging(this.target, this.args.table, this.width, this.args.onCommit);
      this.writer = await openRawWriter(this.target, this.args.table, this.width);
    }
    for (const bytes of this.out) await this.writer!.write(bytes);
    this.out.length = 0;
    this.report(false);
    return !this.scanner.done;
  }

  report(force: boolean): void {
    const now = Date.now();
    if (!this.args.onProgress || (!force && now - this.lastProgress < PROGRESS_MS)) return;
    this.lastProgress = now;
    this.args.onProgress({ bytes: this.read.bytes, rows: this.read.rows });
  }

  /** The errors that refuse the file before anything is loaded: no header, or a header with errors (and the rows' errors). */
  headerRefusal(): FocusError[] | null {
    if (!this.mapper) return [{ line: 1, message: "The file is empty: a FOCUS file starts with a header row." }];
    if (!this.headerFailed) return null;
    const rows = [...this.structural, ...this.rowErrors].sort((a, b) => a.line - b.line);
    return [...this.mapper.headerErrors, ...rows].slice(0, MAX_ERRORS);
  }

  abort(): void {
    this.writer?.abort();
  }

  async finish(): Promise<Omit<Staged, "tap" | "rows">> {
    await this.writer!.finish();
    const { table } = this.args;
    return {
      table,
      width: this.width,
      mapper: this.mapper!,
      lines: this.scanner.lines,
      structural: this.structural,
      badCells: this.badCells,
    };
  }
}
