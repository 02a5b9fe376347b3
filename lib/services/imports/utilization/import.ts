import { createHash } from "node:crypto";
import { CsvError } from "csv-parse";
import { csvErrorLine, readCsv } from "@/lib/csv/read";
import { abortable } from "@/lib/ingest/focus/stream";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { UtilizationLoader } from "@/lib/ingest/utilization/load";
import { validateRecord, type UtilizationRow } from "@/lib/ingest/utilization/rows";
import { runUtilizationLoad, type ReadOutcome } from "./run";
import { BATCH_ROWS, type UtilizationImportResult } from "@/lib/ingest/utilization/types";

const COLUMNS = ["reservation", "hour", "used_ah"] as const;
/** Optional: the workload that used the hours (its name, case-insensitive, or id); an hour with workloads is one row per workload. */
const WORKLOAD = "workload";

/**
 * Imports a utilization CSV (`reservation,hour,used_ah`, optionally `workload`; header names case-insensitive, other
 * columns ignored)
 * streamed through the CSV reader (records at most 1 MiB, each as wide as the header) and loaded in batches of
 * 5,000 rows inside one transaction: every row or none. `signal` aborting (the client went away) stops the read
 * and rolls back. Permission utilization.import.
 */
export async function importUtilizationCsv(args: {
  ctx: Ctx;
  source: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;
  fileName: string;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  signal?: AbortSignal;
  now?: Date;
}): Promise<UtilizationImportResult> {
  requirePermission(args.ctx, "utilization.import");
  return runUtilizationLoad(args.ctx, args.fileName, (loader) => readInto(loader, args), args.signal);
}

async function readInto(
  loader: UtilizationLoader,
  args: {
    source: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;
    onProgress?: (p: { bytes: number; rows: number }) => void;
    signal?: AbortSignal;
    now?: Date;
  },
): Promise<ReadOutcome> {
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
  let index: Record<(typeof COLUMNS)[number] | typeof WORKLOAD, number> | null = null;
  let batch: UtilizationRow[] = [];
  let lastLine = 1;
  let width = 0;
  try {
    for await (const record of readCsv(hashed())) {
      lastLine = record.line;
      if (index === null) {
        index = headerIndex(record.fields, loader);
        width = record.fields.length;
        continue;
      }
      progress.rows++;
      report();
      if (loader.full || index.reservation < 0) continue;
      if (record.fields.length !== width) {
        loader.addErrors([{ line: record.line, message: `The row has ${record.fields.length} fields; the header has ${width}.` }]);
        continue;
      }
      const cell = (i: number) => record.fields[i] ?? "";
      const checked = validateRecord(
        record.line,
        {
          reservation: cell(index.reservation),
          hour: cell(index.hour),
          used_ah: cell(index.used_ah),
          workload: index.workload < 0 ? undefined : cell(index.workload),
        },
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
  if (index === null)
    loader.addErrors([{ line: 1, message: "The file is empty: it needs the header reservation,hour,used_ah and at least one row." }]);
  else if (progress.rows === 0 && loader.errors.length === 0)
    loader.addErrors([{ line: 2, message: "The file has a header but no rows." }]);
  report(true);
  return { rows: progress.rows, sha256: hash.digest("hex"), bytes: progress.bytes };
}

function headerIndex(fields: string[], loader: UtilizationLoader): Record<(typeof COLUMNS)[number] | typeof WORKLOAD, number> {
  const names = fields.map((f) => f.trim().toLowerCase());
  const index = Object.fromEntries([...COLUMNS, WORKLOAD].map((c) => [c, names.indexOf(c)])) as Record<
    (typeof COLUMNS)[number] | typeof WORKLOAD,
    number
  >;
  const missing = COLUMNS.filter((c) => index[c] < 0);
  if (missing.length > 0) {
    loader.addErrors([
      { line: 1, message: `The header must name the columns reservation, hour and used_ah; missing: ${missing.join(", ")}.` },
    ]);
    return { reservation: -1, hour: -1, used_ah: -1, workload: -1 };
  }
  return index;
}
