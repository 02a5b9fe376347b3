import { openApiDocument } from "@/lib/api/openapi";
import { apiKeyCtx, apiKeyFromRequest } from "@/lib/auth/api-keys";
import { getCtx } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI 3.1 document of /api/v1, for an API key or a signed-in user (any role): it holds no data, but what is
 * not Headroom's own reader (a share link's visitor, the internet) gets nothing from this server.
 */
export async function GET(request: Request) {
  try {
    if (apiKeyFromRequest(request)) await apiKeyCtx(await getDb(), request);
    else if (!(await getCtx())) throw new UnauthorizedError("Sign in, or send an API key (Authorization: Bearer hr_…).");
  } catch (error) {
    if (error instanceof UnauthorizedError) return Response.json({ error: error.message }, { status: 401 });
    throw error;
  }
  return Response.json(openApiDocument());
}
