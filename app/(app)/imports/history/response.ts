import { UnauthorizedError } from "@/lib/errors";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";
import { jsonError } from "@/lib/ingest/http";
import { getImportHistory, parseImportHistoryQuery } from "@/lib/queries/imports/history";
import { requirePermission, type Ctx } from "@/lib/auth/context";

/**
 * The import history as JSON, exactly the rows /imports shows for the same query: 401 without a caller,
 * 403 without app.read, 400 naming a malformed parameter. Kept apart from route.ts so tests can pass the caller.
 */
export async function importHistoryResponse(request: Request, caller: () => Promise<Ctx | null>): Promise<Response> {
  try {
    const ctx = await caller();
    if (!ctx) throw new UnauthorizedError("Sign in (or send an API key) to read the import history.");
    requirePermission(ctx, "app.read");
    const params = parseImportHistoryQuery(new URL(request.url).searchParams);
    // As on the page: an import whose process died shows as failed, not as running forever (which would poll forever).
    await failInterruptedImports(ctx.db);
    return Response.json(await getImportHistory(ctx, params), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
