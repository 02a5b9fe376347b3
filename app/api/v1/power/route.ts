import { readPower } from "@/lib/api/endpoints/power";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Power budget vs projected load per site and month (API key, any role): getPowerPage with /power's filters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readPower);
}
