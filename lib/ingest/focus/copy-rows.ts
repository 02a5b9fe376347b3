import type { ChargeTies } from "../charge-matcher";
import { STAGING_COLUMNS } from "./columns";
import type { FocusRowMapper, MappedRow } from "./rows";
import { LITERAL_QUOTE, QUOTED, type RecordBytes } from "./scan";

// The import's COPY lines in CSV format, built as bytes. The file's text cells (and its checked Tags) go to
// COPY as the file wrote them: consecutive ones as one byte range, quotes and all (CSV quoting is COPY's own),
// so they are never decoded, escaped or encoded again. The COPY lists the file's columns in the file's order;
// the cells Node normalizes (costs, dates, currency), the ties, provider, publisher and `extra` are written
// from strings. A FOCUS null (empty, NULL, null, Null, quoted or not) is written as COPY's null, an empty field.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
/** The ties, then the file's cells in its order, then these three. */
const TIES = ["import_id", "line_number", "provider_id", "contract_id", "reservation_id", "accelerator_type_id"];
const COMPUTED_LAST = ["provider_name", "publisher_name", "extra"];
const PROVIDER = STAGING_COLUMNS.indexOf("provider_name");
const PUBLISHER = STAGING_COLUMNS.indexOf("publisher_name");
const CSV_SPECIAL = /[",\r\n]/;
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
};

export function copyPlan(mapper: FocusRowMapper): CopyPlan {
  const action = new Int32Array(mapper.width).fill(-1);
  const extract = mapper.checkedColumns();
  const columns = [...TIES];
  for (const slot of mapper.layout()) {
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
  }
  columns.push(...COMPUTED_LAST);
  return { columns, action, extract };
}

const MATCHED = new Set([
  "commitment_discount_id",
  "capacity_reservation_id",
  "sku_id",
  "region_id",
  "service_name",
  "sub_account_id",
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
    const extra = row.extra === null ? "" : csvText(JSON.stringify(row.extra));
    const provider = row.out[PROVIDER] ?? null;
    const publisher = row.out[PUBLISHER] ?? null;
    // Worst case: every byte of the record doubled (requoted), plus the strings written.
    const need = 2 * (ends[width - 1]! - starts[0]!) + 3 * extra.length + 3 * ((provider?.length ?? 0) + (publisher?.length ?? 0)) + 512;
    this.reserve(need);
    const buf = this.buf;
    let pos = this.pos;
    pos += buf.latin1Write(
      `${this.prefix}${line},${t.providerId ?? ""},${t.contractId ?? ""},${t.reservationId ?? ""},${t.acceleratorTypeId ?? ""}`,
      pos,
    );
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
          pos += data.copy(buf, pos, runStart, runEnd);
          runStart = -1;
        }
        buf[pos++] = COMMA;
        if (fl & QUOTED) {
          if (!isNullBytes(data, s + 1, e - 1)) pos += data.copy(buf, pos, s, e);
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
        pos += data.copy(buf, pos, runStart, runEnd);
        runStart = -1;
      }
      if (a < 0) continue;
      buf[pos++] = COMMA;
      const v = row.out[a];
      if (v !== null && v !== undefined) pos += buf.latin1Write(v, pos);
    }
    if (runStart >= 0) {
      buf[pos++] = COMMA;
      pos += data.copy(buf, pos, runStart, runEnd);
    }
    buf[pos++] = COMMA;
    if (provider !== null) pos += buf.utf8Write(csvText(provider), pos);
    buf[pos++] = COMMA;
    if (publisher !== null) pos += buf.utf8Write(csvText(publisher), pos);
    buf[pos++] = COMMA;
    if (extra !== "") pos += buf.utf8Write(extra, pos);
    buf[pos++] = LF;
    this.pos = pos;
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

/** A string as one CSV field (quoted when it holds a quote, comma or line break). */
function csvText(s: string): string {
  return CSV_SPECIAL.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
