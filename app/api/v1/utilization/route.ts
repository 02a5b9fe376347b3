import { readUtilization } from "@/lib/api/endpoints/utilization";
import { apiRead } from "@/lib/api/read";
import { apiKeyCtx } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { feedPost } from "@/lib/ingest/http";
import { importUtilizationCsv } from "@/lib/services/imports/utilization/import";
import { ingestUtilization } from "@/lib/services/imports/utilization/ingest";

export const dynamic = "force-dynamic";

/**
 * Hourly accelerator-hours pushed by clusters, with an API key whose role may import utilization:
 * `application/json` `{ "rows": [{ "reservation", "hour", "used_ah", "workload"? }] }`, or `text/csv` with the same columns
 * (`workload` optional: an hour reported per workload is one row per workload, the block's hour their Σ).
 * Idempotent per block and hour; 200 loaded, 422 rejected with errors.
 */
export async function POST(request: Request) {
  return feedPost(request, {
    ctx: async () => apiKeyCtx(await getDb(), request),
    permission: "utilization.import",
    max: env().maxUploadBytes,
    fallbackName: "utilization.csv",
    jsonShape: '{ "rows": [{ "reservation", "hour", "used_ah", "workload"? }] }',
    csv: (args) => importUtilizationCsv(args),
    json: ({ ctx, body }) => ingestUtilization({ ctx, rows: (body as { rows?: unknown })?.rows }),
  });
}

/** Utilization series by block group and month or day (API key, any role): /utilization's loader and filters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readUtilization);
}
