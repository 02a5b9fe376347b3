import { requireActionCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { importFocus } from "@/lib/ingest/focus/import";
import { checkDeclaredLength, jsonError, limitedBody, ndjsonResponse, uploadFileName } from "@/lib/ingest/http";
import { requirePermission } from "@/lib/services/context";

export const dynamic = "force-dynamic";

/** Browser upload of a FOCUS file: the body is the file (streamed, never buffered); the answer streams progress then the result. */
export async function POST(request: Request) {
  const max = env().maxUploadBytes;
  let ctx;
  try {
    ctx = await requireActionCtx();
    requirePermission(ctx, "billing.import");
    checkDeclaredLength(request, max);
  } catch (error) {
    return jsonError(error);
  }
  const fileName = uploadFileName(request, "focus.csv");
  return ndjsonResponse((onProgress) =>
    importFocus({ ctx, source: limitedBody(request.body, max), fileName, onProgress, signal: request.signal }),
  );
}
