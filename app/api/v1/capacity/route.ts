import { readCapacity } from "@/lib/api/endpoints/capacity";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Capacity vs demand and runway per family (API key, any role): getCapacity with /capacity's filters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readCapacity);
}
