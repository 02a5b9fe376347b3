import { dec } from "@/lib/metrics/decimal";
import { hasControlCharacter } from "@/lib/validation/control-characters";
import type { UtilizationError } from "./types";

/** `workload`: the optional workload column (a workload's name, case-insensitive, or its id); null when empty or absent. */
export type UtilizationRow = { line: number; reservation: string; hour: Date; usedAh: string; workload: string | null };

// ISO 8601 date and time, `T` or space, optional seconds and fraction, `Z` or ±hh:mm; no zone means UTC.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DECIMAL = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;
const NEGATIVE_ZERO = /^-0+(\.0+)?([eE][+-]?\d+)?$/;
/** The first hour accepted: no accelerator usage predates it, and the timestamp column and the rollups need a sane year. */
const FIRST_HOUR = new Date("2000-01-01T00:00:00Z");

/** The start of the UTC hour a timestamp names; null when it is not an ISO timestamp on a whole hour. */
export function parseHour(text: string): Date | "invalid" | "not-whole" {
  const m = ISO_TIMESTAMP.exec(text.trim());
  if (!m) return "invalid";
  const [, y, mo, d, h, mi = "00", s = "00", frac = "0", zone = "Z"] = m;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(date.getTime()) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return "invalid";
  const local = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (local.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return "invalid";
  if (date.getTime() % 3_600_000 !== 0 || /[1-9]/.test(frac)) return "not-whole";
  return date;
}

/**
 * Checks one record's cells (the reservation exists and the quantity bound are checked against the database
 * later). Accelerator-hours: a decimal ≥ 0 with at most 4 decimal places, as the column stores.
 */
export function validateRecord(
  line: number,
  cells: { reservation: unknown; hour: unknown; used_ah: unknown; workload?: unknown },
  now: Date,
): { row: UtilizationRow } | { errors: UtilizationError[] } {
  const errors: UtilizationError[] = [];
  const reservation = typeof cells.reservation === "string" ? cells.reservation.trim() : "";
  if (!reservation) errors.push({ line, column: "reservation", message: "Enter the reservation (its name or capacity reservation id)." });
  else if (reservation.length > 200) errors.push({ line, column: "reservation", message: "The reservation is at most 200 characters." });
  else if (hasControlCharacter(reservation))
    errors.push({ line, column: "reservation", message: "The reservation contains a control character (such as NUL)." });

  let workload: string | null = null;
  if (cells.workload !== undefined && cells.workload !== null) {
    const text = typeof cells.workload === "string" ? cells.workload.trim() : "";
    if (typeof cells.workload !== "string") errors.push({ line, column: "workload", message: "The workload is a name or an id (text)." });
    else if (text.length > 200) errors.push({ line, column: "workload", message: "The workload is at most 200 characters." });
    else if (hasControlCharacter(text))
      errors.push({ line, column: "workload", message: "The workload contains a control character (such as NUL)." });
    else workload = text || null;
  }

  let hour: Date | null = null;
  const hourText = typeof cells.hour === "string" ? cells.hour : "";
  const parsed = parseHour(hourText);
  if (parsed === "invalid")
    errors.push({ line, column: "hour", message: `"${clip(hourText)}" is not an ISO timestamp such as 2026-03-01T14:00:00Z.` });
  else if (parsed === "not-whole")
    errors.push({
      line,
      column: "hour",
      message: `${clip(hourText)} is not the start of an hour (minutes and seconds must be 0, in UTC).`,
    });
  else if (parsed.getTime() > now.getTime()) errors.push({ line, column: "hour", message: `${parsed.toISOString()} has not started yet.` });
  else if (parsed < FIRST_HOUR)
    errors.push({
      line,
      column: "hour",
      message: `${clip(hourText.trim())} is before 2000; hours from 2000-01-01T00:00:00Z on are accepted.`,
    });
  else hour = parsed;

  let usedAh: string | null = null;
  let usedText =
    typeof cells.used_ah === "number" && Number.isFinite(cells.used_ah)
      ? String(cells.used_ah)
      : typeof cells.used_ah === "string"
        ? cells.used_ah.trim()
        : "";
  // JSON's -0 is the number 0; the text "-0" (or -0.00) reads the same, in CSV and JSON alike.
  if (NEGATIVE_ZERO.test(usedText)) usedText = usedText.slice(1);
  if (!DECIMAL.test(usedText))
    errors.push({
      line,
      column: "used_ah",
      message: usedText ? `"${clip(usedText)}" is not a number of accelerator-hours (0 or more).` : "Enter the accelerator-hours used.",
    });
  else {
    const value = dec(usedText);
    if (value.decimalPlaces() > 4) errors.push({ line, column: "used_ah", message: `${usedText} has more than 4 decimal places.` });
    else if (value.gte(1e9)) errors.push({ line, column: "used_ah", message: `${usedText} is too large.` });
    else usedAh = value.toFixed();
  }
  if (errors.length > 0 || hour === null || usedAh === null) return { errors };
  return { row: { line, reservation, hour, usedAh, workload } };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
