import { isAscii, isUtf8 } from "node:buffer";
import { CsvSyntaxError, CsvTokenizer } from "@/lib/csv/tokenizer";
import type { CsvRecord } from "@/lib/csv/read";

// The FOCUS loader's reader: a byte-level RFC 4180 scanner that lets PostgreSQL parse the file. It finds
// record boundaries, counts fields and physical lines, and turns only the cells that need a check
// (costs, dates, currency, required columns, Tags) into strings; the bytes of good records are passed
// on unchanged, in runs, for COPY … (FORMAT csv). It reads a record the way CsvTokenizer does (UTF-8 BOM
// dropped, CRLF/LF/CR, blank lines skipped, quoted separators, quotes and newlines), and hands on only
// what PostgreSQL reads the same way: blank lines and records with the wrong number of fields are left
// out, a record ending differently from the first is given the first's ending, and a record with a quote
// inside an unquoted field (literal here, a quote for PostgreSQL) is written again, properly quoted.
// Every record must be valid UTF-8 and at most MAX_RECORD_BYTES long; either fault stops the file with an
// error naming the record's line, before its bytes reach PostgreSQL (whose COPY would refuse the bytes).
// An unfinished record is kept as a list of chunks and scanned again only once it has doubled in size,
// so a long record costs time linear in its length.

/** The longest record a FOCUS file may have, in bytes (terminator included). */
export const MAX_RECORD_BYTES = 1 << 20;

/** A record the scanner refuses outright (too long, not UTF-8): the file stops at its line. */
export class RecordError extends Error {
  override name = "RecordError";
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Per byte: 1 ends an unquoted field (comma, LF, CR), 2 a quote, 0 anything else. */
const STOP = new Uint8Array(256);
STOP[COMMA] = STOP[LF] = STOP[CR] = 1;
STOP[QUOTE] = 2;

export type ScanHandlers = {
  /** The header record (all fields). Returns which columns `onRecord` needs as strings. */
  onHeader(fields: string[], line: number): { extract: boolean[] };
  /**
   * A record with the header's width: `fields` holds the extracted cells ("" elsewhere; reused, copy what
   * you keep). `multiline` when a quoted cell holds a line break. Returns false to leave the record out of the output.
   */
  onRecord(fields: string[], line: number, multiline: boolean): boolean;
  /** A structural problem of one record (it is left out). Returns false to stop scanning. */
  onProblem(line: number, column: number | undefined, problem: "width" | "nul", fieldCount: number): boolean;
};

/** Where each passed-on record starts: line = record number + offset, the offset changing at `from`. */
export class LineMap {
  readonly from: number[] = [];
  readonly offset: number[] = [];

  note(record: number, line: number): void {
    const off = line - record;
    if (this.offset.length === 0 || this.offset[this.offset.length - 1] !== off) {
      this.from.push(record);
      this.offset.push(off);
    }
  }

  /** Physical line of passed-on record n (1-based). */
  lineOf(record: number): number {
    let lo = 0;
    let hi = this.from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.from[mid]! <= record) lo = mid;
      else hi = mid - 1;
    }
    return record + (this.offset[lo] ?? 0);
  }
}

/**
 * The record `onRecord` is called with, as bytes: field n spans data[starts[n], ends[n]) as written in the file
 * (quotes included); flags[n] has QUOTED, ESCAPED_QUOTES ("" inside) and LITERAL_QUOTE (a quote inside an unquoted field).
 */
export type RecordBytes = { data: Buffer; starts: Int32Array; ends: Int32Array; flags: Uint8Array };
export const QUOTED = 1;
export const ESCAPED_QUOTES = 2;
export const LITERAL_QUOTE = 4;

export class FocusScanner {
  readonly record: RecordBytes = { data: Buffer.alloc(0), starts: new Int32Array(0), ends: new Int32Array(0), flags: new Uint8Array(0) };
  /** Records passed on so far (the staging table numbers them 1, 2, … in this order). */
  records = 0;
  readonly lines = new LineMap();
  private tail: Buffer | null = null;
  /** Bytes received after `tail`, not scanned yet (the unfinished record had not doubled). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private line = 1;
  private started = false;
  private width = -1;
  private extract: boolean[] = [];
  private fields: string[] = [];
  private eol: Buffer | null = null;
  private stopped = false;
  private readonly unescaped = new Map<string, string>();

  constructor(private readonly handlers: ScanHandlers) {}

  get done(): boolean {
    return this.stopped;
  }

  /** Scans a chunk; the bytes to pass on are appended to `out` (slices of the input, or rewritten records). */
  push(chunk: Buffer, out: Buffer[]): void {
    if (this.stopped) return;
    let data = chunk;
    if (!this.started && data.length > 0) {
      if (this.tail) data = Buffer.concat([this.tail, data]);
      if (data.length < 3 && data[0] === 0xef) {
        this.tail = data;
        return;
      }
      this.started = true;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      this.tail = null;
    }
    if (this.tail) {
      // An unfinished record: scanned again once it has doubled (linear overall) or passed the limit.
      this.pending.push(data);
      this.pendingBytes += data.length;
      const size = this.tail.length + this.pendingBytes;
      if (size < 2 * this.tail.length && size <= MAX_RECORD_BYTES) return;
      data = Buffer.concat([this.tail, ...this.pending], size);
      this.pending = [];
      this.pendingBytes = 0;
    }
    this.tail = null;
    const used = this.scan(data, false, out);
    if (used < data.length) {
      if (data.length - used > MAX_RECORD_BYTES) this.tooLong(this.line);
      this.tail = Buffer.from(data.subarray(used));
    }
  }

  /** The end of the input: the last record may lack its newline; an open quote is an error. */
  end(out: Buffer[]): void {
    if (this.stopped || !this.tail) return;
    const data = this.pending.length > 0 ? Buffer.concat([this.tail, ...this.pending]) : this.tail;
    this.tail = null;
    this.pending = [];
    this.pendingBytes = 0;
    this.started = true;
    this.scan(data, true, out);
  }

  private tooLong(line: number): never {
    throw new RecordError(`The record is longer than ${MAX_RECORD_BYTES >> 20} MB, the most a record may have.`, line);
  }

  /** Scans whole records of `data`; returns how many bytes were consumed. */
  private scan(input: Buffer, final: boolean, out: Buffer[]): number {
    // `data` is a local the closures below never see (they use `input`): V8 keeps it out of the closure context,
    // so the byte loops read it without a context load per byte.
    const data = input;
    const len = data.length;
    let p = 0;
    let run = -1;
    let nul = data.indexOf(0);
    // Valid UTF-8 throughout (the common case) spares the check of each record.
    const utf8 = isUtf8(data);
    // Cells become strings straight from the bytes: Latin-1 decoding (one byte, one character) is exact for
    // ASCII and the cheapest there is; UTF-8 otherwise. Buffer's own slicers skip toString's argument checks.
    const bytes = data as Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };
    const ascii = isAscii(data);
    // Next LF / CR at or after a position, found once per stretch rather than once per quoted field.
    let nextLf = -1;
    let nextCr = -1;
    const size = input.length;
    let { starts, ends, flags } = this.record;
    this.record.data = input;
    const breaksIn = (from: number, to: number): number => {
      if (nextLf !== size && nextLf < from) nextLf = at(input.indexOf(LF, from), size);
      if (nextCr !== size && nextCr < from) nextCr = at(input.indexOf(CR, from), size);
      return nextLf >= to && nextCr >= to ? 0 : countBreaks(input, from, to);
    };
    const flush = (to: number) => {
      if (run >= 0 && to > run) out.push(input.subarray(run, to));
      run = -1;
    };
    while (p < len && !this.stopped) {
      const start = p;
      const c0 = data[p]!;
      if (c0 === LF || c0 === CR) {
        // A blank line: skipped (PostgreSQL would read it as a record of one empty field).
        if (c0 === CR && p + 1 >= len && !final) break;
        flush(p);
        p += c0 === CR && data[p + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const header = this.width < 0;
      const extract = this.extract;
      const fields = this.fields;
      let n = 0;
      let breaks = 0;
      let literalQuote = false;
      let nulField = -1;
      let end = -1; // after the record's terminator
      let contentEnd = -1; // before it
      let i = p;
      const headerFields: string[] | null = header ? [] : null;
      for (;;) {
        let value: string | null = null;
        const want = headerFields !== null || extract[n] === true;
        if (i < len && data[i] === QUOTE) {
          let q = i + 1;
          let closed = -1;
          let escaped = false;
          for (;;) {
            // A byte loop, not indexOf: quoted cells are short and Tags hold many "" pairs (a native call each).
            let k = q;
            while (k < len && data[k] !== QUOTE) k++;
            if (k >= len) break;
            if (k + 1 < len && data[k + 1] === QUOTE) {
              escaped = true;
              q = k + 2;
              continue;
            }
            if (k + 1 >= len && !final) break;
            closed = k;
            break;
          }
          if (closed < 0) {
            if (final)
              throw new CsvSyntaxError("CSV_QUOTE_NOT_CLOSED", 'a quoted field is never closed (a " is missing)', this.line + breaks);
            return this.keep(start, run, data, out);
          }
          breaks += breaksIn(i + 1, closed);
          if (n < starts.length) {
            starts[n] = i;
            ends[n] = closed + 1;
            flags[n] = escaped ? QUOTED | ESCAPED_QUOTES : QUOTED;
          }
          if (nul >= 0 && nul < closed && nul > i) nulField = n;
          if (want) {
            value = ascii ? bytes.latin1Slice(i + 1, closed) : bytes.utf8Slice(i + 1, closed);
            if (escaped) value = this.unescape(value);
          }
          i = closed + 1;
          if (i < len) {
            const c = data[i]!;
            if (c !== COMMA && c !== LF && c !== CR) {
              throw new CsvSyntaxError(
                "CSV_INVALID_CLOSING_QUOTE",
                `unexpected text after a closing quote in field ${n + 1}`,
                this.line + breaks,
              );
            }
          }
        } else {
          let k = i;
          let lq = false;
          while (k < len) {
            const c = STOP[data[k]!]!;
            if (c !== 0) {
              if (c === 1) break;
              lq = true;
            }
            k++;
          }
          if (k >= len && !final) return this.keep(start, run, data, out);
          if (lq) literalQuote = true;
          if (n < starts.length) {
            starts[n] = i;
            ends[n] = k;
            flags[n] = lq ? LITERAL_QUOTE : 0;
          }
          if (nul >= 0 && nul < k && nul >= i) nulField = n;
          if (want) value = ascii ? bytes.latin1Slice(i, k) : bytes.utf8Slice(i, k);
          i = k;
        }
        if (headerFields) headerFields.push(value!);
        else if (want && n < fields.length) fields[n] = value!;
        n++;
        if (i >= len) {
          contentEnd = end = len;
          break;
        }
        const c = data[i]!;
        if (c === COMMA) {
          i++;
          continue;
        }
        contentEnd = i;
        if (c === CR) {
          if (i + 1 >= len && !final) return this.keep(start, run, data, out);
          end = data[i + 1] === LF ? i + 2 : i + 1;
        } else end = i + 1;
        break;
      }
      const line = this.line;
      if (end - start > MAX_RECORD_BYTES) this.tooLong(line);
      if (!utf8 && !isUtf8(data.subarray(start, end))) {
        throw new RecordError("The record is not valid UTF-8: export or save the file as UTF-8.", line);
      }
      this.line += 1 + breaks;
      p = end;
      if (nul >= 0 && nul < end) nul = data.indexOf(0, end);
      if (headerFields) {
        flush(start);
        const { extract: wanted } = this.handlers.onHeader(headerFields, line);
        this.width = headerFields.length;
        this.extract = wanted;
        this.fields = new Array<string>(this.width).fill("");
        this.record.starts = new Int32Array(this.width);
        this.record.ends = new Int32Array(this.width);
        this.record.flags = new Uint8Array(this.width);
        ({ starts, ends, flags } = this.record);
        continue;
      }
      if (n !== this.width || nulField >= 0) {
        flush(start);
        const go = this.handlers.onProblem(line, nulField >= 0 ? nulField : undefined, nulField >= 0 ? "nul" : "width", n);
        if (!go) {
          this.stopped = true;
          return len;
        }
        continue;
      }
      const keep = this.handlers.onRecord(fields, line, breaks > 0);
      for (let f = 0; f < fields.length; f++) if (extract[f]) fields[f] = "";
      if (!keep) {
        flush(start);
        continue;
      }
      this.records++;
      this.lines.note(this.records, line);
      const ending = data.subarray(contentEnd, end);
      if (!this.eol && ending.length > 0) this.eol = Buffer.from(ending);
      if (literalQuote) {
        flush(start);
        out.push(requote(data.toString("utf8", start, contentEnd)), this.eol ?? Buffer.from("\n"));
      } else if (ending.length > 0 && this.eol && !ending.equals(this.eol)) {
        flush(start);
        out.push(data.subarray(start, contentEnd), this.eol);
      } else if (run < 0) run = start;
    }
    flush(p);
    return p;
  }

  /**
   * A quoted cell with "" inside, unquoted. Exports repeat the same few such cells (Tags): the same text comes
   * back as the same string, whose hash V8 keeps, so the maps keyed by it downstream do not hash it again.
   */
  private unescape(value: string): string {
    let plain = this.unescaped.get(value);
    if (plain === undefined) {
      plain = value.replaceAll('""', '"');
      if (this.unescaped.size >= 10_000) this.unescaped.clear();
      // A flat copy as the key: `value` is a slice that would keep its whole read chunk alive.
      this.unescaped.set(Buffer.from(value, "utf8").toString("utf8"), plain);
    }
    return plain;
  }

  private keep(start: number, run: number, data: Buffer, out: Buffer[]): number {
    if (run >= 0 && start > run) out.push(data.subarray(run, start));
    return start;
  }
}

function at(index: number, len: number): number {
  return index < 0 ? len : index;
}

function countBreaks(data: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = data[i]!;
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (data[i + 1] === LF && i + 1 < to) i++;
    }
  }
  return n;
}

/** A record whose unquoted fields hold a quote, written again with every such field quoted. */
function requote(text: string): Buffer {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer();
  tokenizer.push(text, records);
  tokenizer.end(records);
  const fields = records[0]?.fields ?? [];
  return Buffer.from(fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(","), "utf8");
}
