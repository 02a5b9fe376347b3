import { createHash } from "node:crypto";
import { ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { validateRecord } from "@/lib/ingest/utilization/rows";
import { runUtilizationLoad } from "./run";
import { BATCH_ROWS, MAX_JSON_ROWS, type UtilizationImportResult } from "@/lib/ingest/utilization/types";

const SHAPE = 'Send JSON like {"rows": [{"reservation": "training-east-1", "hour": "2026-03-01T14:00:00Z", "used_ah": 7.5}]}.';

/**
 * Loads hourly utilization pushed as JSON (`{ rows: [{ reservation, hour, used_ah, workload? }] }` or the bare array;
 * keys case-insensitive; `workload` optional, as in the CSV), at most 50,000 rows per call, all or nothing. Permission utilization.import. A body that
 * is not that shape is refused with a ValidationError; bad rows give a failed result with errors by row
 * (line = 1-based position in `rows`).
 */
export async function ingestUtilization(args: { ctx: Ctx; rows: unknown; source?: string; now?: Date }): Promise<UtilizationImportResult> {
  requirePermission(args.ctx, "utilization.import");
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
      return { errors: [{ line, message: `Row ${line} is not an object with reservation, hour and used_ah.` }] };
    }
    const cells = Object.fromEntries(Object.entries(item).map(([k, v]) => [k.trim().toLowerCase(), v]));
    return validateRecord(
      line,
      { reservation: cells.reservation, hour: cells.hour, used_ah: cells.used_ah, workload: cells.workload },
      now,
    );
  });
  const rows = checked.flatMap((c) => ("row" in c ? [c.row] : []));
  const sha256 = createHash("sha256")
    // A row without a workload hashes as before the workload column existed.
    .update(JSON.stringify(rows.map((r) => [r.reservation, r.hour.toISOString(), r.usedAh, ...(r.workload === null ? [] : [r.workload])])))
    .digest("hex");
  return runUtilizationLoad(args.ctx, args.source ?? "HTTP ingest", async (loader) => {
    for (const c of checked) if ("errors" in c) loader.addErrors(c.errors);
    for (let i = 0; i < rows.length && !loader.full; i += BATCH_ROWS) await loader.addBatch(rows.slice(i, i + BATCH_ROWS));
    return { rows: list.length, sha256 };
  });
}
