import { ValidationError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { getCtx } from "@/lib/auth/session";
import type { Ctx } from "@/lib/auth/context";

/** The caller of a CSV export route, or the response refusing them (no session: 401; no export.csv: 403). */
export async function exportCtx(): Promise<{ ctx: Ctx } | { refused: Response }> {
  const ctx = await getCtx();
  if (!ctx) return { refused: new Response("Sign in to export.", { status: 401 }) };
  if (!can(ctx.actor.role, "export.csv")) return { refused: new Response("Your role may not export CSV.", { status: 403 }) };
  return { ctx };
}

/** A route's query parsed by `parse`; a ValidationError becomes the 400 response naming what is wrong. */
export function parseQuery<T>(parse: () => T): { value: T } | { refused: Response } {
  try {
    return { value: parse() };
  } catch (error) {
    if (error instanceof ValidationError) return { refused: new Response(error.message, { status: 400 }) };
    throw error;
  }
}
