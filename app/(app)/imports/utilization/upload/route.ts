import { requireActionCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { checkDeclaredLength, jsonError, limitedBody, ndjsonResponse, uploadFileName } from "@/lib/ingest/http";
import { importUtilizationCsv } from "@/lib/ingest/utilization/import";
import { requirePermission } from "@/lib/services/context";

export const dynamic = "force-dynamic";

/** Browser upload of a utilization CSV (reservation, hour, used_ah): streamed in, progress streamed out. */
export async function POST(request: Request) {
  const max = env().maxUploadBytes;
  let ctx;
  try {
    ctx = await requireActionCtx();
    requirePermission(ctx, "utilization.import");
    checkDeclaredLength(request, max);
  } catch (error) {
    return jsonError(error);
  }
  const fileName = uploadFileName(request, "utilization.csv");
  return ndjsonResponse((onProgress) => importUtilizationCsv({ ctx, source: limitedBody(request.body, max), fileName, onProgress }));
}
