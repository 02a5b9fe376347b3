import { z } from "zod";
import { isNotNull, isNull, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

// URL filters shared by the contract and reservation registers.

export const optionalId = z.string().uuid().optional();

export const ARCHIVED_FILTERS = ["only", "all"] as const;
/** Archived rows are hidden unless asked for: `archived=only` or `archived=all`. */
export const archivedFilter = z.enum(ARCHIVED_FILTERS).optional();

export function archivedCondition(column: PgColumn, value: (typeof ARCHIVED_FILTERS)[number] | undefined): SQL | undefined {
  if (value === "all") return undefined;
  return value === "only" ? isNotNull(column) : isNull(column);
}

export const ARCHIVED_OPTIONS = [
  { value: "only", label: "Archived only" },
  { value: "all", label: "Current and archived" },
];
