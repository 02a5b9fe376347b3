import { readPrometheus } from "@/lib/api/endpoints/prometheus";
import { PROMETHEUS_CONTENT_TYPE } from "@/lib/api/prometheus";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Gauges for a Prometheus scrape (API key, any role): text exposition format 0.0.4. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readPrometheus, PROMETHEUS_CONTENT_TYPE);
}
