import { apiKeyCtx } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { importFocus } from "@/lib/services/imports/focus";
import { checkDeclaredLength, jsonError, limitedBody, uploadFileName } from "@/lib/ingest/http";
import { requirePermission } from "@/lib/auth/context";

export const dynamic = "force-dynamic";

/**
 * FOCUS import for scheduled jobs: `POST /api/v1/imports/focus?name=<file>` with an API key whose role
 * may import billing, the file (CSV or gzip) as the body. 200 loaded or duplicate, 422 rejected (errors by line).
 */
export async function POST(request: Request) {
  try {
    const ctx = await apiKeyCtx(await getDb(), request);
    requirePermission(ctx, "billing.import");
    const max = env().maxUploadBytes;
    checkDeclaredLength(request, max);
    const result = await importFocus({
      ctx,
      source: limitedBody(request.body, max),
      fileName: uploadFileName(request, "focus.csv"),
      signal: request.signal,
    });
    return Response.json(result, { status: result.status === "failed" ? 422 : 200 });
  } catch (error) {
    return jsonError(error);
  }
}
