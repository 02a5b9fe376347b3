import { dec } from "@/lib/metrics/decimal";
import { hasControlCharacter } from "@/lib/validation/control-characters";
import type { MetricError } from "./types";

export type MetricRow = { line: number; workload: string; metric: string; day: string; value: string };

/** Lower-case snake case: `tokens_served`, `requests`, `training_tokens`. */
export const METRIC_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const MAX_METRIC_LENGTH = 64;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DECIMAL = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;
const NEGATIVE_ZERO = /^-0+(\.0+)?([eE][+-]?\d+)?$/;
const FIRST_DAY = "2000-01-01";
/** The column is numeric(24, 6): 18 digits before the point. */
const MAX_VALUE = dec("1e18");

/**
 * Checks one record's cells (that the workload exists is checked against the database later). The day is a UTC
 * calendar day, not after `now`'s; the value an exact decimal ≥ 0 with at most 6 decimal places.
 */
export function validateMetricRecord(
  line: number,
  cells: { workload: unknown; metric: unknown; day: unknown; value: unknown },
  now: Date,
): { row: MetricRow } | { errors: MetricError[] } {
  const errors: MetricError[] = [];
  const workload = typeof cells.workload === "string" ? cells.workload.trim() : "";
  if (!workload) errors.push({ line, column: "workload", message: "Enter the workload (its name)." });
  else if (workload.length > 200) errors.push({ line, column: "workload", message: "The workload is at most 200 characters." });
  else if (hasControlCharacter(workload))
    errors.push({ line, column: "workload", message: "The workload contains a control character (such as NUL)." });

  const metric = typeof cells.metric === "string" ? cells.metric.trim() : "";
  if (!metric) errors.push({ line, column: "metric", message: "Enter the metric name, such as tokens_served." });
  else if (metric.length > MAX_METRIC_LENGTH)
    errors.push({ line, column: "metric", message: `The metric name is at most ${MAX_METRIC_LENGTH} characters.` });
  else if (!METRIC_NAME.test(metric))
    errors.push({
      line,
      column: "metric",
      message: `"${clip(metric)}" is not a metric name: use lower-case snake case, such as tokens_served or training_tokens.`,
    });

  const dayText = typeof cells.day === "string" ? cells.day.trim() : "";
  const day = parseDay(dayText);
  const today = now.toISOString().slice(0, 10);
  if (day === null) errors.push({ line, column: "day", message: `"${clip(dayText)}" is not a date such as 2026-03-01 (YYYY-MM-DD).` });
  else if (day < FIRST_DAY) errors.push({ line, column: "day", message: `${day} is before 2000; days from ${FIRST_DAY} on are accepted.` });
  else if (day > today) errors.push({ line, column: "day", message: `${day} is in the future (today is ${today}, UTC).` });

  const value = parseValue(cells.value);
  if (typeof value !== "string") errors.push({ line, column: "value", message: value.error });

  if (errors.length > 0 || day === null || typeof value !== "string") return { errors };
  return { row: { line, workload, metric, day, value } };
}

/** A YYYY-MM-DD calendar day that exists, or null. */
export function parseDay(text: string): string | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

function parseValue(raw: unknown): string | { error: string } {
  let text = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (NEGATIVE_ZERO.test(text)) text = text.slice(1);
  if (!text) return { error: "Enter the value (a number, 0 or more)." };
  if (!DECIMAL.test(text)) return { error: `"${clip(text)}" is not a number of 0 or more.` };
  const value = dec(text);
  if (value.decimalPlaces() > 6) return { error: `${clip(text)} has more than 6 decimal places.` };
  if (value.gte(MAX_VALUE)) return { error: `${clip(text)} is too large (at most 10^18).` };
  return value.toFixed();
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
