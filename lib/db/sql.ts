import { sql, type SQL } from "drizzle-orm";
import { isoDay } from "@/lib/metrics/calendar";

// Raw reads return timestamps as text in both engines: ask for ISO-8601 in UTC so parsing never depends on DateStyle or TimeZone.
export function isoTs(column: string): SQL {
  return sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

export function isoDate(column: string): SQL {
  return sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
}

export function tsParam(d: Date): SQL {
  return sql`${d.toISOString()}::timestamptz`;
}

export function dateParam(d: Date): SQL {
  return sql`${isoDay(d)}::date`;
}

export const MONEY_CURRENCY = "USD";
