import Decimal from "decimal.js";
import {
  CONTRACT_COMMITMENT_MARKERS,
  COST_DB_COLUMNS,
  FALLBACK_COLUMNS,
  JSON_EXTRA_COLUMNS,
  STAGING_COLUMNS,
  TARGET_COLUMNS,
  type ColumnKind,
} from "./columns";
import { CellError, clip, isNullCell, parseDecimalCell, parseTimestampCell, type ParsedTimestamp } from "./values";

export type FocusError = { line: number; column?: string; message: string };

export const REPORTING_CURRENCY = "USD";
export const MAX_ERRORS = 100;

export type RowOptions = { fxRates: Readonly<Record<string, string>> };

type Slot = { index: number; name: string; kind: ColumnKind | "extra" | "json-extra"; target: number };

const STAGING_INDEX = new Map(STAGING_COLUMNS.map((c, i) => [c, i]));
const TARGET_BY_NAME = new Map(TARGET_COLUMNS.map((c) => [c.focus.toLowerCase(), c]));
const COPY_SPECIAL = /[\\\t\n\r]/;

function copyText(value: string): string {
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/**
 * Turns FOCUS records into staging lines (COPY text format, all columns text), checking every cell.
 * Built from the header record; `map` returns null for a row with errors (they go to `errors`).
 */
export class FocusRowMapper {
  readonly headerErrors: FocusError[] = [];
  private readonly slots: Slot[] = [];
  readonly width: number;
  private readonly names: string[];
  private readonly providerSlots: number[] = [];
  private readonly publisherSlots: number[] = [];
  private readonly rates = new Map<string, Decimal>();
  private readonly required: [string, number][] = [];
  // Exports repeat the same few hundred hour or day stamps: parse each once.
  private readonly times = new Map<string, ParsedTimestamp>();
  private readonly goodTags = new Set<string>();
  private readonly startSlot: number;
  private readonly endSlot: number;
  private readonly billingStartSlot: number;
  private readonly billingEndSlot: number;
  /** The slots `cells` reads (all, unless `restrict`). */
  private active: Slot[];
  // The last cell of each timestamp column and its parse: consecutive rows repeat them (billing periods always).
  private readonly lastRaw: string[];
  private readonly lastTime: (ParsedTimestamp | undefined)[];

  constructor(header: string[], headerLine: number, options: RowOptions) {
    for (const [currency, rate] of Object.entries(options.fxRates)) this.rates.set(currency, new Decimal(rate));
    this.width = header.length;
    const names = header.map((h, i) => h.trim() || `column_${i + 1}`);
    this.names = names;
    const lower = names.map((n) => n.toLowerCase());
    const seen = new Map<string, number>();
    lower.forEach((l, i) => {
      if (seen.has(l)) {
        this.headerErrors.push({
          line: headerLine,
          column: names[i],
          message: `The column ${names[i]} appears twice in the header (columns are matched ignoring case)`,
        });
      }
      seen.set(l, i);
    });
    if (CONTRACT_COMMITMENT_MARKERS.every((m) => seen.has(m)) && !seen.has("billedcost")) {
      this.headerErrors.push({
        line: headerLine,
        message:
          "This is a FOCUS Contract Commitment file (ContractCommitmentId, …), not a Cost and Usage file; it has no charges to import",
      });
    }
    lower.forEach((l, i) => {
      const name = names[i]!;
      const target = TARGET_BY_NAME.get(l);
      if (target) {
        this.slots.push({ index: i, name, kind: target.kind, target: STAGING_INDEX.get(target.db)! });
        if (target.db === "provider_name") this.providerSlots.unshift(i);
        if (target.db === "publisher_name") this.publisherSlots.unshift(i);
        return;
      }
      const fallback = FALLBACK_COLUMNS[l];
      if (fallback) {
        (fallback === "provider_name" ? this.providerSlots : this.publisherSlots).push(i);
        // Kept in `extra` only when the deprecated column it stands in for is present too.
        if (!seen.has(fallback.replace("_", ""))) return;
      }
      this.slots.push({ index: i, name, kind: JSON_EXTRA_COLUMNS.has(l) ? "json-extra" : "extra", target: -1 });
    });
    for (const t of TARGET_COLUMNS) {
      if (!t.required || t.db === "provider_name") continue;
      if (!seen.has(t.focus.toLowerCase())) {
        this.headerErrors.push({ line: headerLine, column: t.focus, message: `The mandatory column ${t.focus} is missing` });
      }
    }
    if (this.providerSlots.length === 0) {
      this.headerErrors.push({
        line: headerLine,
        column: "ProviderName",
        message: "The mandatory column ProviderName (or ServiceProviderName in FOCUS 1.3) is missing",
      });
    }
    for (const t of TARGET_COLUMNS) {
      if (!t.required) continue;
      const present = t.db === "provider_name" ? this.providerSlots.length > 0 : seen.has(t.focus.toLowerCase());
      if (present) this.required.push([t.focus, STAGING_INDEX.get(t.db)!]);
    }
    this.startSlot = seen.get("chargeperiodstart") ?? -1;
    this.endSlot = seen.get("chargeperiodend") ?? -1;
    this.billingStartSlot = seen.get("billingperiodstart") ?? -1;
    this.billingEndSlot = seen.get("billingperiodend") ?? -1;
    this.active = this.slots;
    this.lastRaw = new Array<string>(this.width).fill("");
    this.lastTime = new Array<ParsedTimestamp | undefined>(this.width).fill(undefined);
  }

  /**
   * For a reader that hands over only some cells as strings (the others "", lib/ingest/focus/copy-rows.ts writes
   * them from the file's bytes): `row` reads only those columns, and leaves the others' `out` cells null.
   */
  restrict(extracted: readonly boolean[]): void {
    this.active = this.slots.filter((s) => extracted[s.index] === true);
    this.reused = new Array<string | null>(STAGING_COLUMNS.length).fill(null);
  }

  /** With `restrict`: the one `out` array every row is mapped into (its reader is done with it before the next row). */
  private reused: (string | null)[] | null = null;

  /** The header name of column i (0-based). */
  columnName(i: number): string {
    return this.names[i] ?? `column_${i + 1}`;
  }

  /** True when the file has JSON extension columns (kept parsed in `extra`: only `map` does that). */
  get hasJsonExtra(): boolean {
    return this.slots.some((s) => s.kind === "json-extra");
  }

  /** True once `check` has seen a row in another currency with a configured rate (only `map` converts). */
  needsFx = false;

  /** Columns `check` reads: costs, dates, currency, Tags, the required and the provider columns. */
  checkedColumns(): boolean[] {
    const wanted = new Array<boolean>(this.width).fill(false);
    for (const slot of this.slots) {
      if (slot.kind === "decimal" || slot.kind === "timestamp" || slot.kind === "currency" || slot.kind === "tags")
        wanted[slot.index] = true;
    }
    for (const [, index] of this.required) {
      const slot = this.slots.find((s) => s.target === index);
      if (slot) wanted[slot.index] = true;
    }
    for (const i of [...this.providerSlots, ...this.publisherSlots]) wanted[i] = true;
    return wanted;
  }

  /** How each column of the file lands: staging column (or extra), kind and header name. */
  layout(): { index: number; name: string; kind: ColumnKind | "extra" | "json-extra"; column: string | null }[] {
    return this.slots.map((s) => ({
      index: s.index,
      name: s.name,
      kind: s.kind,
      column: s.target >= 0 ? STAGING_COLUMNS[s.target]! : null,
    }));
  }

  /** Provider (and publisher) columns in the order their first non-null value is taken. */
  sources(): { provider: number[]; publisher: number[] } {
    return { provider: [...this.providerSlots], publisher: [...this.publisherSlots] };
  }

  /**
   * The checks of `map` on the cells a loader cannot leave to PostgreSQL's casts (which accept more: other
   * date forms, NaN, …): costs, dates, currency, required cells, Tags' shape, the period order. Text and
   * extension cells are not read. False when the row has errors (pushed to `errors`).
   */
  check(fields: string[], line: number, errors: FocusError[]): boolean {
    return this.cells(fields, line, errors, false) !== null;
  }

  /** A record's cells by STAGING_COLUMNS (line_number first, extra last) with its extension columns, or null when it has errors (pushed to `errors` up to MAX_ERRORS). */
  row(fields: string[], line: number, errors: FocusError[], plain?: boolean): MappedRow | null {
    const cells = this.cells(fields, line, errors, true);
    if (!cells) return null;
    // One test per record instead of one per cell: most rows need no escaping at all. A reader that knows
    // the record's bytes hold no backslash or tab and no line break inside a quoted cell says so (`plain`).
    cells.plain = plain ?? !COPY_SPECIAL.test(fields.join(""));
    return cells;
  }

  /** The staging line for a record (COPY text format, STAGING_COLUMNS), or null when it has errors. */
  map(fields: string[], line: number, errors: FocusError[]): string | null {
    const row = this.row(fields, line, errors);
    return row ? copyLine(row.out[0]!, row) : null;
  }

  private cells(fields: string[], line: number, errors: FocusError[], full: boolean): MappedRow | null {
    const fail = (column: string | undefined, message: string) => pushError(errors, line, column, message);
    if (fields.length !== this.width) {
      return fail(undefined, `The row has ${fields.length} fields; the header has ${this.width}`);
    }
    const out = this.reused ? this.reused.fill(null) : new Array<string | null>(STAGING_COLUMNS.length).fill(null);
    out[0] = String(line);
    let extra: Record<string, unknown> | null = null;
    let ok = true;
    // The four period columns' instants (the only timestamps compared), undefined while absent or null.
    let start: number | undefined;
    let end: number | undefined;
    let bStart: number | undefined;
    let bEnd: number | undefined;
    for (const slot of this.active) {
      const raw = fields[slot.index]!;
      if (isNullCell(raw)) continue;
      try {
        switch (slot.kind) {
          case "text":
            if (full && raw.indexOf("\u0000") >= 0) throw new CellError("The cell contains a NUL character");
            out[slot.target] = raw;
            break;
          case "decimal":
            out[slot.target] = parseDecimalCell(raw);
            break;
          case "timestamp": {
            let t = raw === this.lastRaw[slot.index] ? this.lastTime[slot.index] : this.times.get(raw);
            if (!t) {
              t = parseTimestampCell(raw);
              if (this.times.size > 50_000) this.times.clear();
              // A flat copy as the key: `raw` is a slice that would keep its whole read chunk alive.
              this.times.set(Buffer.from(raw, "utf8").toString("utf8"), t);
            }
            out[slot.target] = t.text;
            const at = slot.index;
            this.lastRaw[at] = raw;
            this.lastTime[at] = t;
            if (at === this.startSlot) start = t.epochMs;
            else if (at === this.endSlot) end = t.epochMs;
            else if (at === this.billingStartSlot) bStart = t.epochMs;
            else if (at === this.billingEndSlot) bEnd = t.epochMs;
            break;
          }
          case "currency": {
            const c = raw === REPORTING_CURRENCY ? raw : raw.trim().toUpperCase();
            if (!/^[A-Z]{3}$/.test(c)) throw new CellError(`"${clip(raw)}" is not an ISO 4217 currency code`);
            out[slot.target] = c;
            break;
          }
          case "tags": {
            // Without `full`, an object's outline is enough: PostgreSQL's jsonb cast rejects bad JSON inside.
            if (!full && objectOutline(raw) && !raw.includes("\\u0000")) break;
            // Exports repeat the same few tag sets: each is parsed once.
            if (this.goodTags.has(raw)) {
              out[slot.target] = raw;
              break;
            }
            let parsed: unknown;
            try {
              parsed = JSON.parse(raw);
            } catch (error) {
              throw new CellError(`Tags is not valid JSON (${(error as Error).message})`);
            }
            if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
              throw new CellError("Tags must be a JSON object of key-value pairs");
            }
            if (raw.includes("\\u0000")) throw new CellError("Tags contains a NUL character");
            if (this.goodTags.size > 50_000) this.goodTags.clear();
            this.goodTags.add(Buffer.from(raw, "utf8").toString("utf8"));
            out[slot.target] = raw;
            break;
          }
          case "json-extra": {
            if (!full) break;
            let value: unknown = raw;
            try {
              value = JSON.parse(raw);
            } catch {
              value = raw;
            }
            (extra ??= {})[slot.name] = value;
            break;
          }
          default:
            if (!full) break;
            if (raw.indexOf("\u0000") >= 0) throw new CellError("The cell contains a NUL character");
            (extra ??= {})[slot.name] = raw;
        }
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        ok = false;
        fail(slot.name, error.message);
      }
    }
    if (!ok) return null;
    const provider = STAGING_INDEX.get("provider_name")!;
    out[provider] = firstValue(fields, this.providerSlots);
    out[STAGING_INDEX.get("publisher_name")!] = firstValue(fields, this.publisherSlots);
    for (const [column, index] of this.required) {
      if (out[index] !== null) continue;
      ok = false;
      fail(column, `${column} is empty; FOCUS requires a value`);
    }
    if (!ok) return null;
    if (end !== undefined && start !== undefined && end < start) {
      return fail("ChargePeriodEnd", `ChargePeriodEnd ${fields[this.endSlot]} is before ChargePeriodStart ${fields[this.startSlot]}`);
    }
    if (bEnd !== undefined && bStart !== undefined && bEnd < bStart) {
      return fail(
        "BillingPeriodEnd",
        `BillingPeriodEnd ${fields[this.billingEndSlot]} is before BillingPeriodStart ${fields[this.billingStartSlot]}`,
      );
    }
    const currencyIndex = STAGING_INDEX.get("billing_currency")!;
    const currency = out[currencyIndex];
    if (currency && currency !== REPORTING_CURRENCY) {
      const rate = this.rates.get(currency);
      if (!rate) {
        return fail(
          "BillingCurrency",
          `BillingCurrency ${currency} is not the reporting currency ${REPORTING_CURRENCY} and no exchange rate is configured (set HEADROOM_FX_RATES, e.g. ${currency}=1.08)`,
        );
      }
      this.needsFx = true;
      if (!full) return { out, extra, startMs: start ?? NaN, plain: false };
      extra ??= {};
      extra.x_HeadroomSourceCurrency = currency;
      extra.x_HeadroomFxRate = rate.toFixed();
      for (const t of TARGET_COLUMNS) {
        if (!COST_DB_COLUMNS.has(t.db)) continue;
        const i = STAGING_INDEX.get(t.db)!;
        const v = out[i];
        if (v === null || v === undefined) continue;
        extra[`x_HeadroomSource${t.focus}`] = v;
        out[i] = new Decimal(v).times(rate).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed();
      }
      out[currencyIndex] = REPORTING_CURRENCY;
    }
    return { out, extra, startMs: start ?? NaN, plain: false };
  }
}

/**
 * A record read through FocusRowMapper: `out` by STAGING_COLUMNS, its extension columns, ChargePeriodStart
 * in epoch milliseconds, `plain` when no cell needs COPY escaping.
 */
export type MappedRow = { out: (string | null)[]; extra: Record<string, unknown> | null; startMs: number; plain: boolean };

/** `prefix` (COPY text, already escaped), then the row's cells after line_number, then extra: one COPY text line. */
export function copyLine(prefix: string, row: MappedRow): string {
  const { out, extra, plain } = row;
  let text = prefix;
  for (let i = 1; i < out.length - 1; i++) {
    const v = out[i];
    text += v === null || v === undefined ? "\t\\N" : plain ? "\t" + v : "\t" + copyText(v);
  }
  return `${text}\t${extra ? copyText(JSON.stringify(extra)) : "\\N"}\n`;
}

function pushError(errors: FocusError[], line: number, column: string | undefined, message: string): null {
  if (errors.length < MAX_ERRORS) errors.push(column ? { line, column, message } : { line, message });
  return null;
}

function objectOutline(raw: string): boolean {
  const a = raw.charCodeAt(0);
  const z = raw.charCodeAt(raw.length - 1);
  if (a === 123 && z === 125) return true;
  return /^\s*\{[^]*\}\s*$/.test(raw);
}

function firstValue(fields: string[], slots: number[]): string | null {
  for (const i of slots) {
    const v = fields[i]!;
    if (!isNullCell(v)) return v;
  }
  return null;
}
