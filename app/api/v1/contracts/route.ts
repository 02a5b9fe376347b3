import { readContracts } from "@/lib/api/endpoints/contracts";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Contracts with their burn-down, cursor-paged (API key, any role): the register's rows, filters and sorts. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readContracts);
}
