import type { ChargeTies } from "../charge-matcher";
import { STAGING_COLUMNS } from "./columns";
import type { FocusRowMapper, MappedRow } from "./rows";
import { LITERAL_QUOTE, QUOTED, type RecordBytes } from "./scan";
import { isNullCell } from "./values";

// The import's COPY lines in CSV format, built as bytes. The file's text cells (and its checked Tags) go to
// COPY as the file wrote them: consecutive ones as one byte range, quotes and all (CSV quoting is COPY's own),
// so they are never decoded, escaped or encoded again. The COPY lists the file's columns in the file's order;
// the cells Node normalizes (costs, dates, currency), the ties, provider, publisher and `extra` are written
// from strings. A FOCUS null (empty, NULL, null, Null, quoted or not) is written as COPY's null, an empty field.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const BACKSLASH = 92;
const LBRACE = 123;
const RBRACE = 125;
/** The ties, then the file's cells in its order, then these three. */
const TIES = ["import_id", "line_number", "provider_id", "contract_id", "reservation_id", "accelerator_type_id", "workload_id"];
const COMPUTED_LAST = ["provider_name", "publisher_name", "extra"];
const PROVIDER = STAGING_COLUMNS.indexOf("provider_name");
const PUBLISHER = STAGING_COLUMNS.indexOf("publisher_name");
/** A COPY write carries at least this many bytes. */
const BATCH_BYTES = 1 << 18;

type Buf = Buffer & { latin1Write(s: string, at: number): number; utf8Write(s: string, at: number): number };

/** The COPY's column list and, per column of the file, how its cell is written. */
export type CopyPlan = {
  columns: string[];
  /** Per file column: -1 not in the COPY, 0 the file's bytes, i > 0 the mapper's normalized out[i]. */
  action: Int32Array;
  /** The columns the mapper and the matcher need as strings. */
  extract: boolean[];
  /**
   * Optional cost and quantity columns, not extracted: a plain decimal goes to COPY as the file's bytes, and only
   * another spelling (or a row in a foreign currency) is decoded for the mapper to check and normalize (`prepare`).
   */
  byteDecimals: number[];
  /** The BillingCurrency column, -1 when absent. */
  currency: number;
  /** The columns the mapper reads (FocusRowMapper.restrict): the extracted ones and the byte decimals. */
  read: boolean[];
  /**
   * Extension columns the matching rules never read, kept in `extra` as strings: written into its JSON from the
   * file's bytes (file column, then the JSON key and colon with quotes doubled for the CSV field), never decoded.
   */
  byteExtras: { index: number; key: Buffer }[];
};

export function copyPlan(mapper: FocusRowMapper): CopyPlan {
  const action = new Int32Array(mapper.width).fill(-1);
  const extract = mapper.checkedColumns();
  const columns = [...TIES];
  const byteDecimals: number[] = [];
  let currency = -1;
  const byteExtras: CopyPlan["byteExtras"] = [];
  const { provider, publisher } = mapper.sources();
  for (const slot of mapper.layout()) {
    if (slot.column === "billing_currency") currency = slot.index;
    const source = provider.includes(slot.index) || publisher.includes(slot.index);
    const name = slot.name.toLowerCase();
    // x_Headroom… names are the FX conversion's own keys: the mapper's value replaces the file's, as it always did.
    if (slot.kind === "extra" && !MATCHED_EXTRAS.has(name) && !name.startsWith("x_headroom") && !source) {
      byteExtras.push({ index: slot.index, key: Buffer.from(`${JSON.stringify(slot.name).replaceAll('"', '""')}:`, "utf8") });
      continue;
    }
    if (slot.kind === "extra" || slot.kind === "json-extra") {
      extract[slot.index] = true;
      continue;
    }
    const column = slot.column!;
    // What the matching rules read (ties.ts).
    if (MATCHED.has(column)) extract[slot.index] = true;
    if (column === "provider_name" || column === "publisher_name") continue;
    columns.push(column);
    action[slot.index] = slot.kind === "text" || slot.kind === "tags" ? 0 : STAGING_COLUMNS.indexOf(column);
    if (slot.kind === "decimal" && !REQUIRED_DECIMALS.has(column)) {
      extract[slot.index] = false;
      byteDecimals.push(slot.index);
    }
  }
  columns.push(...COMPUTED_LAST);
  const read = extract.map((e, i) => e || byteDecimals.includes(i));
  return { columns, action, extract, byteDecimals, currency, read, byteExtras };
}

// Extension columns the matching rules read from `extra` (charge-matcher.ts).
const MATCHED_EXTRAS = new Set(["serviceprovidername", "contractapplied"]);

// Required cells must reach the mapper (its check of a missing value); the two costs are summed too.
const REQUIRED_DECIMALS = new Set(["billed_cost", "effective_cost"]);

/**
 * Before the mapper reads `fields`: decodes the byte decimals that are not plain (so the mapper checks and
 * normalizes them), all of them in a row whose currency is not USD (converted). `after` clears them again.
 */
export function prepareDecimals(plan: CopyPlan, record: RecordBytes, fields: string[]): void {
  const { data, starts, ends, flags } = record;
  const cur = plan.currency >= 0 ? fields[plan.currency]! : "";
  const foreign = cur !== "USD" && cur !== "" && !isNullCell(cur);
  for (const f of plan.byteDecimals) {
    let s = starts[f]!;
    let e = ends[f]!;
    if (flags[f]! & QUOTED) {
      s++;
      e--;
    }
    if (flags[f] === 0 && !foreign && (isNullBytes(data, s, e) || plainDecimal(data, s, e))) continue;
    const text = data.toString("utf8", starts[f], ends[f]);
    fields[f] = flags[f]! & QUOTED ? text.slice(1, -1).replaceAll('""', '"') : text;
  }
}

export function clearDecimals(plan: CopyPlan, fields: string[]): void {
  for (const f of plan.byteDecimals) fields[f] = "";
}

/** -?\d{1,14}(\.\d*)? in bytes (values.ts PLAIN): PostgreSQL's numeric reads it as the mapper would write it. */
function plainDecimal(data: Buffer, s: number, e: number): boolean {
  if (s < e && data[s] === 45) s++;
  let digits = 0;
  while (s < e) {
    const c = data[s]!;
    if (c < 48 || c > 57) break;
    digits++;
    s++;
  }
  if (digits === 0 || digits > 14) return false;
  if (s === e) return true;
  if (data[s] !== 46) return false;
  for (s++; s < e; s++) {
    const c = data[s]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const MATCHED = new Set([
  "commitment_discount_id",
  "capacity_reservation_id",
  "sku_id",
  "region_id",
  "service_name",
  "sub_account_id",
  "resource_id",
  "tags",
  "billing_currency",
]);

/** Collects COPY lines (CSV) into buffers of about BATCH_BYTES. */
export class CopyRows {
  private buf: Buf = Buffer.allocUnsafe(BATCH_BYTES * 2) as Buf;
  private pos = 0;
  private readonly prefix: string;

  constructor(
    private readonly plan: CopyPlan,
    importId: number,
  ) {
    this.prefix = `${importId},`;
  }

  get size(): number {
    return this.pos;
  }

  /** One record: the ties, the file's cells by the plan, provider, publisher, extra. */
  add(record: RecordBytes, line: number, t: ChargeTies, row: MappedRow): void {
    const { data, starts, ends, flags } = record;
    const { action } = this.plan;
    const width = action.length;
    const extra = row.extra === null ? "" : JSON.stringify(row.extra).slice(1, -1);
    const provider = row.out[PROVIDER] ?? null;
    const publisher = row.out[PUBLISHER] ?? null;
    // Worst case: every byte of the record six times (a control character in a byte extra), plus the strings written.
    const need = 6 * (ends[width - 1]! - starts[0]!) + 3 * extra.length + 3 * ((provider?.length ?? 0) + (publisher?.length ?? 0)) + 512;
    this.reserve(need);
    const buf = this.buf;
    let pos = this.pos;
    pos += buf.latin1Write(this.prefix, pos);
    pos = writeInt(line, buf, pos);
    buf[pos++] = COMMA;
    if (t.providerId !== null) pos += buf.latin1Write(t.providerId, pos);
    buf[pos++] = COMMA;
    if (t.contractId !== null) pos += buf.latin1Write(t.contractId, pos);
    buf[pos++] = COMMA;
    if (t.reservationId !== null) pos += buf.latin1Write(t.reservationId, pos);
    buf[pos++] = COMMA;
    if (t.acceleratorTypeId !== null) pos += buf.latin1Write(t.acceleratorTypeId, pos);
    buf[pos++] = COMMA;
    if (t.workloadId !== null) pos += buf.latin1Write(t.workloadId, pos);
    let runStart = -1;
    let runEnd = -1;
    for (let f = 0; f < width; f++) {
      const a = action[f]!;
      if (a === 0) {
        const fl = flags[f]!;
        let s = starts[f]!;
        const e = ends[f]!;
        if (fl === 0 && !isNullBytes(data, s, e)) {
          if (runStart < 0) runStart = s;
          runEnd = e;
          continue;
        }
        if (runStart >= 0) {
          buf[pos++] = COMMA;
          pos = copyBytes(data, runStart, runEnd, buf, pos);
          runStart = -1;
        }
        buf[pos++] = COMMA;
        if (fl & QUOTED) {
          if (!isNullBytes(data, s + 1, e - 1)) pos = copyBytes(data, s, e, buf, pos);
        } else if (fl & LITERAL_QUOTE) {
          if (!isNullBytes(data, s, e)) {
            buf[pos++] = QUOTE;
            for (; s < e; s++) {
              const c = data[s]!;
              buf[pos++] = c;
              if (c === QUOTE) buf[pos++] = QUOTE;
            }
            buf[pos++] = QUOTE;
          }
        }
        continue;
      }
      if (runStart >= 0) {
        buf[pos++] = COMMA;
        pos = copyBytes(data, runStart, runEnd, buf, pos);
        runStart = -1;
      }
      if (a < 0) continue;
      buf[pos++] = COMMA;
      const v = row.out[a];
      if (v !== null && v !== undefined) pos += buf.latin1Write(v, pos);
      // A byte decimal (copyPlan) the mapper did not see: plain and unquoted, or null.
      else if (flags[f] === 0 && !isNullBytes(data, starts[f]!, ends[f]!)) {
        pos = copyBytes(data, starts[f]!, ends[f]!, buf, pos);
      }
    }
    if (runStart >= 0) {
      buf[pos++] = COMMA;
      pos = copyBytes(data, runStart, runEnd, buf, pos);
    }
    buf[pos++] = COMMA;
    if (provider !== null) pos = writeQuoted(provider, buf, pos);
    buf[pos++] = COMMA;
    if (publisher !== null) pos = writeQuoted(publisher, buf, pos);
    buf[pos++] = COMMA;
    pos = this.writeExtra(record, extra, buf, pos);
    buf[pos++] = LF;
    this.pos = pos;
  }

  /** `extra` as one CSV-quoted JSON object: the mapper's members (JSON text, braces off), then the byte extras; nothing when empty (null). */
  private writeExtra(record: RecordBytes, members: string, buf: Buf, pos: number): number {
    const { data, starts, ends, flags } = record;
    const start = pos;
    buf[pos++] = QUOTE;
    buf[pos++] = LBRACE;
    let wrote = members !== "";
    if (wrote) pos = writeDoubled(members, buf, pos);
    for (const { index, key } of this.plan.byteExtras) {
      const quoted = (flags[index]! & QUOTED) !== 0;
      const s = quoted ? starts[index]! + 1 : starts[index]!;
      const e = quoted ? ends[index]! - 1 : ends[index]!;
      if (isNullBytes(data, s, e)) continue;
      if (wrote) buf[pos++] = COMMA;
      wrote = true;
      pos = copyBytes(key, 0, key.length, buf, pos);
      buf[pos++] = QUOTE;
      buf[pos++] = QUOTE;
      for (let j = s; j < e; j++) {
        const c = data[j]!;
        if (c === QUOTE) {
          // A quote (doubled inside a quoted cell) is an escaped quote in JSON, its quote doubled in CSV.
          if (quoted) j++;
          buf[pos++] = BACKSLASH;
          buf[pos++] = QUOTE;
          buf[pos++] = QUOTE;
        } else if (c === BACKSLASH) {
          buf[pos++] = BACKSLASH;
          buf[pos++] = BACKSLASH;
        } else if (c < 0x20) {
          pos += buf.latin1Write(`\\u${c.toString(16).padStart(4, "0")}`, pos);
        } else buf[pos++] = c;
      }
      buf[pos++] = QUOTE;
      buf[pos++] = QUOTE;
    }
    if (!wrote) return start;
    buf[pos++] = RBRACE;
    buf[pos++] = QUOTE;
    return pos;
  }

  /** The lines so far when they reach `atLeast` bytes (a fresh buffer follows), else null. */
  take(atLeast = BATCH_BYTES): Buffer | null {
    if (this.pos === 0 || this.pos < atLeast) return null;
    const done = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(BATCH_BYTES * 2) as Buf;
    this.pos = 0;
    return done;
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes)) as Buf;
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}

/** A positive integer's decimal digits at `pos`; returns the end. */
function writeInt(n: number, buf: Buffer, pos: number): number {
  let digits = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
  let at = pos + digits;
  for (let m = n; at > pos; m = Math.floor(m / 10)) buf[--at] = 48 + (m % 10);
  return pos + digits;
}

/** A FOCUS null spelled in bytes: empty, NULL, null or Null. */
function isNullBytes(data: Buffer, s: number, e: number): boolean {
  const n = e - s;
  if (n === 0) return true;
  if (n !== 4) return false;
  const a = data[s]!;
  if (a !== 78 && a !== 110) return false; // N n
  const b = data[s + 1]!;
  const c = data[s + 2]!;
  const d = data[s + 3]!;
  if (b === 117 && c === 108 && d === 108) return true; // ull (null, Null)
  return a === 78 && b === 85 && c === 76 && d === 76; // NULL
}

/** A string as one quoted CSV field at `pos` (room reserved: 3 bytes a character); returns the end. */
function writeQuoted(s: string, buf: Buf, pos: number): number {
  buf[pos++] = QUOTE;
  pos = writeDoubled(s, buf, pos);
  buf[pos++] = QUOTE;
  return pos;
}

/** A string's UTF-8 with its quotes doubled (inside a CSV-quoted field). */
function writeDoubled(s: string, buf: Buf, pos: number): number {
  const start = pos;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return start + buf.utf8Write(s.replaceAll('"', '""'), start);
    buf[pos++] = c;
    if (c === QUOTE) buf[pos++] = QUOTE;
  }
  return pos;
}

/** data[s, e) to buf at pos; returns the end. A loop for the short ranges of a record (Buffer#copy costs more per call). */
function copyBytes(data: Buffer, s: number, e: number, buf: Buffer, pos: number): number {
  if (e - s > 96) return pos + data.copy(buf, pos, s, e);
  for (; s < e; s++) buf[pos++] = data[s]!;
  return pos;
}
