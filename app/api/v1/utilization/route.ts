import { apiKeyCtx } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkDeclaredLength, jsonBodyLimit, jsonError, limitedBody, readBody, uploadFileName } from "@/lib/ingest/http";
import { importUtilizationCsv } from "@/lib/services/imports/utilization/import";
import { ingestUtilization } from "@/lib/services/imports/utilization/ingest";
import { ValidationError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/context";

export const dynamic = "force-dynamic";

/**
 * Hourly accelerator-hours pushed by clusters, with an API key whose role may import utilization:
 * `application/json` `{ "rows": [{ "reservation", "hour", "used_ah" }] }`, or `text/csv` with the same columns.
 * Idempotent per block and hour; 200 loaded, 422 rejected with errors.
 */
export async function POST(request: Request) {
  try {
    const ctx = await apiKeyCtx(await getDb(), request);
    requirePermission(ctx, "utilization.import");
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("text/csv")) {
      const max = env().maxUploadBytes;
      checkDeclaredLength(request, max);
      const result = await importUtilizationCsv({
        ctx,
        source: limitedBody(request.body, max),
        fileName: uploadFileName(request, "utilization.csv"),
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
        throw new ValidationError('The body is not valid JSON; send { "rows": [{ "reservation", "hour", "used_ah" }] }.');
      throw error;
    }
    const result = await ingestUtilization({ ctx, rows: (body as { rows?: unknown })?.rows });
    return Response.json(result, { status: result.status === "failed" ? 422 : 200 });
  } catch (error) {
    return jsonError(error);
  }
}
