import { requireActionCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { importFocus } from "@/lib/services/imports/focus";
import { streamedUpload } from "@/lib/ingest/http";

export const dynamic = "force-dynamic";

/** Browser upload of a FOCUS file: the body is the file (streamed, never buffered); the answer streams progress then the result. */
export async function POST(request: Request) {
  return streamedUpload(request, {
    ctx: requireActionCtx,
    permission: "billing.import",
    max: env().maxUploadBytes,
    fallbackName: "focus.csv",
    run: importFocus,
  });
}
