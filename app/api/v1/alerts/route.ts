import { readAlerts } from "@/lib/api/endpoints/alerts";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Firing alerts and those resolved in the last days (API key, any role): what /alerts shows. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readAlerts);
}
