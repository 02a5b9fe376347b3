import { apiKeyCtx, apiKeyFromRequest } from "@/lib/auth/api-keys";
import { getCtx } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { importHistoryResponse } from "./response";

export const dynamic = "force-dynamic";

/** `GET /imports/history?…` (the list's query: q, kind, status, sort, dir, page, size): the history page's rows as JSON,
 * for the browser (session) polling a running import, or a script with an API key. */
export async function GET(request: Request) {
  return importHistoryResponse(request, async () => (apiKeyFromRequest(request) ? apiKeyCtx(await getDb(), request) : getCtx()));
}
