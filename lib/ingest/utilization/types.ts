export type UtilizationError = { line: number; column?: string; message: string };

export type UtilizationSummary = {
  /** Distinct reservations (capacity blocks) in the load. */
  reservations: number;
  /** Distinct (reservation, hour) rows written. */
  hours: number;
  /** Σ used accelerator-hours of the load, exact decimal string. */
  usedAh: string;
};

export type UtilizationImportResult = {
  /** The imports row: the new one, or for a duplicate the earlier import of the same content; null only when nothing was recorded. */
  importId: number | null;
  status: "succeeded" | "duplicate" | "failed";
  /** Data rows read (CSV lines after the header, or JSON array elements). */
  rows: number;
  sha256: string;
  /** First 100 problems, by line (CSV: physical line, header = 1; JSON: 1-based position in `rows`). */
  errors: UtilizationError[];
  summary: UtilizationSummary | null;
};

export const MAX_ERRORS = 100;
export const BATCH_ROWS = 5_000;
export const MAX_JSON_ROWS = 50_000;
