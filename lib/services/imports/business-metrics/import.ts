import { createHash } from "node:crypto";
import { CsvError } from "csv-parse";
import { csvErrorLine, readCsv } from "@/lib/csv/read";
import { abortable } from "@/lib/ingest/focus/stream";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { BusinessMetricsLoader } from "@/lib/ingest/business-metrics/load";
import { validateMetricRecord, type MetricRow } from "@/lib/ingest/business-metrics/rows";
import { BATCH_ROWS, METRIC_COLUMNS, type BusinessMetricsImportResult, type MetricColumn } from "@/lib/ingest/business-metrics/types";
import { runBusinessMetricsLoad, type ReadOutcome } from "./run";

type Source = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;
type ReadArgs = { source: Source; onProgress?: (p: { bytes: number; rows: number }) => void; signal?: AbortSignal; now?: Date };

/**
 * Imports a business-metrics CSV (`workload,metric,day,value`, header names case-insensitive, other columns ignored),
 * streamed (records at most 1 MiB, each as wide as the header) and loaded in batches inside one transaction: every
 * row or none. `signal` aborting stops the read and rolls back. Permission allocation.write.
 */
export async function importBusinessMetricsCsv(args: ReadArgs & { ctx: Ctx; fileName: string }): Promise<BusinessMetricsImportResult> {
  requirePermission(args.ctx, "allocation.write");
  return runBusinessMetricsLoad(args.ctx, args.fileName, (loader) => readInto(loader, args), args.signal);
}

async function readInto(loader: BusinessMetricsLoader, args: ReadArgs): Promise<ReadOutcome> {
  const hash = createHash("sha256");
  const progress = { bytes: 0, rows: 0, at: 0 };
  const report = (force = false) => {
    const t = Date.now();
    if (!args.onProgress || (!force && t - progress.at < 250)) return;
    progress.at = t;
    args.onProgress({ bytes: progress.bytes, rows: progress.rows });
  };
  async function* hashed() {
    for await (const chunk of abortable<Uint8Array | string>(args.source, args.signal)) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      progress.bytes += bytes.length;
      yield bytes;
    }
  }
  const now = args.now ?? new Date();
  let index: Record<MetricColumn, number> | null | undefined;
  let batch: MetricRow[] = [];
  let lastLine = 1;
  let width = 0;
  try {
    for await (const record of readCsv(hashed())) {
      lastLine = record.line;
      if (index === undefined) {
        index = headerIndex(record.fields, loader);
        width = record.fields.length;
        continue;
      }
      progress.rows++;
      report();
      if (loader.full || index === null) continue;
      if (record.fields.length !== width) {
        loader.addErrors([{ line: record.line, message: `The row has ${record.fields.length} fields; the header has ${width}.` }]);
        continue;
      }
      const cell = (c: MetricColumn) => record.fields[index![c]] ?? "";
      const checked = validateMetricRecord(
        record.line,
        { workload: cell("workload"), metric: cell("metric"), day: cell("day"), value: cell("value") },
        now,
      );
      if ("errors" in checked) loader.addErrors(checked.errors);
      else batch.push(checked.row);
      if (batch.length >= BATCH_ROWS) {
        await loader.addBatch(batch);
        batch = [];
      }
    }
    await loader.addBatch(batch);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = csvErrorLine(error) ?? lastLine + 1;
    loader.addErrors([{ line: at, message: `The file is not valid CSV near line ${at}: ${error.message}` }]);
  }
  if (index === undefined)
    loader.addErrors([{ line: 1, message: "The file is empty: it needs the header workload,metric,day,value and at least one row." }]);
  else if (progress.rows === 0 && loader.errors.length === 0)
    loader.addErrors([{ line: 2, message: "The file has a header but no rows." }]);
  report(true);
  return { rows: progress.rows, sha256: hash.digest("hex"), bytes: progress.bytes };
}

function headerIndex(fields: string[], loader: BusinessMetricsLoader): Record<MetricColumn, number> | null {
  const names = fields.map((f) => f.trim().toLowerCase());
  const index = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<MetricColumn, number>;
  const missing = METRIC_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length === 0) return index;
  loader.addErrors([
    { line: 1, message: `The header must name the columns workload, metric, day and value; missing: ${missing.join(", ")}.` },
  ]);
  return null;
}
