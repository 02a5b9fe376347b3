export type MetricError = { line: number; column?: string; message: string };

export type BusinessMetricsSummary = {
  /** Distinct workloads in the load. */
  workloads: number;
  /** Distinct metric names in the load. */
  metrics: string[];
  /** (workload, metric, day) values written: new ones and replaced ones. */
  values: number;
  /** Of those, values that replaced an earlier one for the same day. */
  replaced: number;
  firstDay: string;
  lastDay: string;
};

export type BusinessMetricsImportResult = {
  /** The imports row; null only when nothing could be recorded. */
  importId: number | null;
  status: "succeeded" | "failed";
  /** Data rows read (CSV lines after the header, or JSON array elements). */
  rows: number;
  sha256: string;
  /** First 100 problems, by line (CSV: physical line, header = 1; JSON: 1-based position in `rows`). */
  errors: MetricError[];
  summary: BusinessMetricsSummary | null;
};

export const METRIC_COLUMNS = ["workload", "metric", "day", "value"] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

export const MAX_ERRORS = 100;
export const BATCH_ROWS = 5_000;
export const MAX_JSON_ROWS = 50_000;
