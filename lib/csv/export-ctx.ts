import { can } from "@/lib/auth/permissions";
import { getCtx } from "@/lib/auth/session";
import type { Ctx } from "@/lib/services/context";

/** The caller of a CSV export route, or the response refusing them (no session: 401; no export.csv: 403). */
export async function exportCtx(): Promise<{ ctx: Ctx } | { refused: Response }> {
  const ctx = await getCtx();
  if (!ctx) return { refused: new Response("Sign in to export.", { status: 401 }) };
  if (!can(ctx.actor.role, "export.csv")) return { refused: new Response("Your role may not export CSV.", { status: 403 }) };
  return { ctx };
}
