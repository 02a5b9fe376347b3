import { readOverview } from "@/lib/api/endpoints/overview";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** The Overview's KPIs (API key, any role): getOverview as the Overview page calls it; ?scenario= as on the page. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readOverview);
}
