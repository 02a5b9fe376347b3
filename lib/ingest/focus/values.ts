import Decimal from "decimal.js";

// Cell parsing for FOCUS exports: null spellings, ISO-ish timestamps, decimals (E-notation too).
// Each parser returns a normalized string for Postgres or throws a CellError with a user message.

export class CellError extends Error {
  override name = "CellError";
}

export function isNullCell(raw: string): boolean {
  return raw === "" || raw === "NULL" || raw === "null" || raw === "Null";
}

const PLAIN = /^-?\d{1,14}(\.\d*)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// numeric(24, 10): at most 14 digits before the point.
const LIMIT = new Decimal("1e14");

/** A decimal as a plain string (no exponent), exact; values beyond numeric(24,10) are refused. */
export function parseDecimalCell(raw: string): string {
  if (PLAIN.test(raw)) return raw.endsWith(".") ? raw.slice(0, -1) : raw;
  const text = raw.trim();
  if (!NUMBER.test(text)) {
    throw new CellError(`"${clip(raw)}" is not a number (FOCUS numbers have no currency symbols, thousands separators or units)`);
  }
  const value = new Decimal(text);
  if (value.abs().gte(LIMIT)) throw new CellError(`${clip(raw)} is too large (at most 14 digits before the decimal point)`);
  return value.toFixed();
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const US_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}(\s|$)/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS[month - 1]!;
}

export type ParsedTimestamp = { text: string; epochMs: number };

/**
 * ISO 8601 date-time with `T` or a space, optional seconds, fraction and zone (none = UTC), or a
 * plain date (midnight UTC). US M/D/YY dates are refused: they are ambiguous and carry no zone.
 */
export function parseTimestampCell(raw: string): ParsedTimestamp {
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) {
    if (US_DATE.test(raw.trim())) {
      throw new CellError(
        `"${clip(raw)}" is not an ISO 8601 date-time: FOCUS requires YYYY-MM-DDTHH:mm:ssZ, and a slash date such as 5/1/25 could be 1 May or 5 January`,
      );
    }
    throw new CellError(`"${clip(raw)}" is not a date-time (expected YYYY-MM-DDTHH:mm:ssZ)`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1) throw new CellError(`"${clip(raw)}" has no year ${year}`);
  if (month < 1 || month > 12) throw new CellError(`"${clip(raw)}" has no month ${month}`);
  if (day < 1 || day > daysIn(year, month)) throw new CellError(`"${clip(raw)}" is not a real date (day ${day} of month ${month})`);
  if (hour > 23) throw new CellError(`"${clip(raw)}" has an impossible hour ${hour}`);
  if (minute > 59) throw new CellError(`"${clip(raw)}" has an impossible minute ${minute}`);
  if (second > 59) throw new CellError(`"${clip(raw)}" has an impossible second ${second}`);
  const fraction = m[7] ?? "";
  let offsetMinutes = 0;
  let zone = "+00";
  const z = m[8];
  if (z && z !== "Z" && z !== "z" && z !== "UTC") {
    const sign = z[0] === "-" ? -1 : 1;
    const digits = z.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 14 || om > 59) throw new CellError(`"${clip(raw)}" has an impossible time-zone offset`);
    offsetMinutes = sign * (oh * 60 + om);
    zone = `${z[0]}${String(oh).padStart(2, "0")}:${String(om).padStart(2, "0")}`;
  }
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  const text = `${m[1]}-${m[2]}-${m[3]} ${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}`;
  return { text, epochMs };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
