import { requireActionCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { streamedUpload } from "@/lib/ingest/http";
import { importUtilizationCsv } from "@/lib/services/imports/utilization/import";

export const dynamic = "force-dynamic";

/** Browser upload of a utilization CSV (reservation, hour, used_ah, optional workload): streamed in, progress streamed out. */
export async function POST(request: Request) {
  return streamedUpload(request, {
    ctx: requireActionCtx,
    permission: "utilization.import",
    max: env().maxUploadBytes,
    fallbackName: "utilization.csv",
    run: importUtilizationCsv,
  });
}
