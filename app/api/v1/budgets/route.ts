import { readBudgets } from "@/lib/api/endpoints/budgets";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Budgets vs actual and forecast (API key, any role): what /budgets shows for the same at and archived parameters. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readBudgets);
}
