import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of /api/v1. Public: it describes the API and holds no data (every endpoint it lists needs a key). */
export function GET() {
  return Response.json(openApiDocument());
}
