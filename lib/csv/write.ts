// RFC 4180 CSV writing with OWASP CSV-injection neutralization.
// Cells are typed: numbers (and decimal strings passed as `{ number }`) are written as numbers;
// text that a spreadsheet would read as a formula is prefixed with a single quote.
import { dec, type Dec } from "@/lib/metrics/decimal";

export type CsvValue = string | number | boolean | Date | null | undefined | { number: string };

/** First characters that make a spreadsheet read a cell as a formula (OWASP): one list for the writer and for SQL. */
export const FORMULA_START_CHARS = ["=", "+", "-", "@", "\t", "\r"] as const;
const FORMULA_START = new RegExp(`^[${FORMULA_START_CHARS.map((c) => (c === "-" ? "\\-" : c)).join("")}]`);
const NEEDS_QUOTES = /[",\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Neutralizes text a spreadsheet would execute (`=`, `+`, `-`, `@`, tab, carriage return first). */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The same neutralization as a SQL expression over a text expression, for exports the database writes itself
 * (COPY … TO STDOUT): a leading formula character gets the single-quote prefix; quoting is left to COPY’s CSV.
 */
export function neutralizeSql(expression: string): string {
  const codes = FORMULA_START_CHARS.map((c) => c.charCodeAt(0)).join(", ");
  return `case when ascii(${expression}) in (${codes}) then '''' || ${expression} else ${expression} end`;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** ISO date for date-only values at UTC midnight, full ISO timestamp otherwise. */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to CSV.`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if (!DECIMAL.test(value.number)) throw new Error(`Not a decimal number: ${value.number}`);
    return value.number;
  }
  return quote(neutralize(value));
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}

/** A decimal string from the database, written as a number exactly (never neutralized, never floated): rates, raw FOCUS amounts. */
export function num(value: string | null | undefined): CsvValue {
  return value === null || value === undefined ? null : { number: value };
}

/**
 * An amount of money as every CSV writes it: rounded to the cent (2 decimals, the app's decimal rounding),
 * never floated. Rates and raw FOCUS amounts are written exact with `num` instead (README, "Exports").
 */
export function money(value: Dec | string | null | undefined): CsvValue {
  if (value === null || value === undefined) return null;
  const cents = dec(value).toFixed(2);
  return { number: cents === "-0.00" ? "0.00" : cents };
}
