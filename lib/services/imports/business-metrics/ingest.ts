import { createHash } from "node:crypto";
import { ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { validateMetricRecord } from "@/lib/ingest/business-metrics/rows";
import { BATCH_ROWS, MAX_JSON_ROWS, type BusinessMetricsImportResult } from "@/lib/ingest/business-metrics/types";
import { runBusinessMetricsLoad } from "./run";

const SHAPE =
  'Send JSON like {"rows": [{"workload": "Chat inference", "metric": "tokens_served", "day": "2026-03-01", "value": 250000000000}]}.';

/**
 * Loads daily business metrics pushed as JSON (`{ rows: [{ workload, metric, day, value }] }` or the bare array; keys
 * case-insensitive), at most 50,000 rows per call, all or nothing. Permission allocation.write. A body that is not
 * that shape is refused with a ValidationError; bad rows give a failed result with errors by row (line = 1-based
 * position in `rows`).
 */
export async function ingestBusinessMetrics(args: {
  ctx: Ctx;
  rows: unknown;
  source?: string;
  now?: Date;
}): Promise<BusinessMetricsImportResult> {
  requirePermission(args.ctx, "allocation.write");
  const body = args.rows;
  const list: unknown = Array.isArray(body)
    ? body
    : body !== null && typeof body === "object"
      ? (body as { rows?: unknown }).rows
      : undefined;
  if (!Array.isArray(list)) throw new ValidationError(`The body has no "rows" array. ${SHAPE}`);
  if (list.length === 0) throw new ValidationError(`"rows" is empty. ${SHAPE}`);
  if (list.length > MAX_JSON_ROWS) {
    throw new ValidationError(
      `At most ${MAX_JSON_ROWS.toLocaleString("en-US")} rows per request (this one has ${list.length.toLocaleString("en-US")}); split the push.`,
    );
  }
  const now = args.now ?? new Date();
  const items: unknown[] = list;
  const checked = items.map((item, i) => {
    const line = i + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return { errors: [{ line, message: `Row ${line} is not an object with workload, metric, day and value.` }] };
    }
    const cells = Object.fromEntries(Object.entries(item).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return validateMetricRecord(line, { workload: cells.workload, metric: cells.metric, day: cells.day, value: cells.value }, now);
  });
  const rows = checked.flatMap((c) => ("row" in c ? [c.row] : []));
  const sha256 = createHash("sha256")
    .update(JSON.stringify(rows.map((r) => [r.workload, r.metric, r.day, r.value])))
    .digest("hex");
  return runBusinessMetricsLoad(args.ctx, args.source ?? "HTTP ingest", async (loader) => {
    for (const c of checked) if ("errors" in c) loader.addErrors(c.errors);
    for (let i = 0; i < rows.length && !loader.full; i += BATCH_ROWS) await loader.addBatch(rows.slice(i, i + BATCH_ROWS));
    return { rows: list.length, sha256 };
  });
}
