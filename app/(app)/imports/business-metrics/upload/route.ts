import { requireActionCtx } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { streamedUpload } from "@/lib/ingest/http";
import { importBusinessMetricsCsv } from "@/lib/services/imports/business-metrics/import";

export const dynamic = "force-dynamic";

/** Browser upload of a business-metrics CSV (workload, metric, day, value): streamed in, progress streamed out. */
export async function POST(request: Request) {
  return streamedUpload(request, {
    ctx: requireActionCtx,
    permission: "allocation.write",
    max: env().maxUploadBytes,
    fallbackName: "business-metrics.csv",
    run: importBusinessMetricsCsv,
  });
}
