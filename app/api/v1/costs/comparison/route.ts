import { readComparison } from "@/lib/api/endpoints/costs";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** The provider comparison (API key, any role): /costs' loader and filters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readComparison);
}
