import { apiKeyCtx } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { feedPost } from "@/lib/ingest/http";
import { importBusinessMetricsCsv } from "@/lib/services/imports/business-metrics/import";
import { ingestBusinessMetrics } from "@/lib/services/imports/business-metrics/ingest";

export const dynamic = "force-dynamic";

/**
 * Daily business metrics per workload (tokens served, requests…), with an API key whose role may write allocation
 * data: `application/json` `{ "rows": [{ "workload", "metric", "day", "value" }] }`, or `text/csv` with the same
 * columns. Idempotent per workload, metric and day; 200 loaded, 422 rejected with errors.
 */
export async function POST(request: Request) {
  return feedPost(request, {
    ctx: async () => apiKeyCtx(await getDb(), request),
    permission: "allocation.write",
    max: env().maxUploadBytes,
    fallbackName: "business-metrics.csv",
    jsonShape: '{ "rows": [{ "workload", "metric", "day", "value" }] }',
    csv: (args) => importBusinessMetricsCsv(args),
    json: ({ ctx, body }) => ingestBusinessMetrics({ ctx, rows: body }),
  });
}
