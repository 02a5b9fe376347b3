import { getCtx } from "@/lib/auth/session";
import { getInbox } from "@/lib/queries/alerts";

export const dynamic = "force-dynamic";

/** The bell's data for the signed-in user: unacknowledged firing alerts, theirs first. 401 without a session. */
export async function GET() {
  const ctx = await getCtx();
  if (!ctx)
    return Response.json({ error: "Your session has ended. Sign in again." }, { status: 401, headers: { "cache-control": "no-store" } });
  return Response.json(await getInbox(ctx), { headers: { "cache-control": "no-store" } });
}
