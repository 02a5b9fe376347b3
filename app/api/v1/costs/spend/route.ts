import { readSpend } from "@/lib/api/endpoints/costs";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Spend per provider or family and month, actual and planned apart (API key, any role): /costs' loader and filters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readSpend);
}
