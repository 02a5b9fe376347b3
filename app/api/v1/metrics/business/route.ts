import { apiKeyCtx } from "@/lib/auth/api-keys";
import { requirePermission } from "@/lib/auth/context";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { checkDeclaredLength, jsonBodyLimit, jsonError, limitedBody, readBody, uploadFileName } from "@/lib/ingest/http";
import { importBusinessMetricsCsv } from "@/lib/services/imports/business-metrics/import";
import { ingestBusinessMetrics } from "@/lib/services/imports/business-metrics/ingest";

export const dynamic = "force-dynamic";

/**
 * Daily business metrics per workload (tokens served, requests…), with an API key whose role may write allocation
 * data: `application/json` `{ "rows": [{ "workload", "metric", "day", "value" }] }`, or `text/csv` with the same
 * columns. Idempotent per workload, metric and day; 200 loaded, 422 rejected with errors.
 */
export async function POST(request: Request) {
  try {
    const ctx = await apiKeyCtx(await getDb(), request);
    requirePermission(ctx, "allocation.write");
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("text/csv")) {
      const max = env().maxUploadBytes;
      checkDeclaredLength(request, max);
      const result = await importBusinessMetricsCsv({
        ctx,
        source: limitedBody(request.body, max),
        fileName: uploadFileName(request, "business-metrics.csv"),
        signal: request.signal,
      });
      return Response.json(result, { status: result.status === "failed" ? 422 : 200 });
    }
    const limit = jsonBodyLimit(env().maxUploadBytes);
    checkDeclaredLength(request, limit.max, limit.message);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(await readBody(request.body, limit.max, limit.message)));
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new ValidationError('The body is not valid JSON; send { "rows": [{ "workload", "metric", "day", "value" }] }.');
      throw error;
    }
    const result = await ingestBusinessMetrics({ ctx, rows: body });
    return Response.json(result, { status: result.status === "failed" ? 422 : 200 });
  } catch (error) {
    return jsonError(error);
  }
}
