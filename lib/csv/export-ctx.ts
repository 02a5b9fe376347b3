import { UnauthorizedError, ValidationError } from "@/lib/errors";
import { apiKeyCtx, apiKeyFromRequest } from "@/lib/auth/api-keys";
import { can } from "@/lib/auth/permissions";
import { getCtx } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";
import type { CsvAudience } from "./response";
import { controlCharacterMessage, controlCharacterParam } from "@/lib/validation/control-characters";

/**
 * The caller of a CSV export route, or the response refusing them (no session or API key: 401; an unknown or revoked
 * key: 401; no export.csv: 403; a query parameter holding a control character such as NUL: 400 naming it — the page
 * ignores such a value, but a CSV that quietly dropped a filter would not be the rows asked for).
 *
 * A request carrying an API key (`Authorization: Bearer hr_…` or `X-Api-Key`) is a script: its CSV has no byte order
 * mark. Any other caller signed in with the session cookie is a browser download: its CSV starts with one (`bom`).
 */
export async function exportCtx(request: Request): Promise<({ ctx: Ctx } & CsvAudience) | { refused: Response }> {
  let ctx: Ctx | null;
  const byKey = apiKeyFromRequest(request) !== null;
  try {
    ctx = byKey ? await apiKeyCtx(await getDb(), request) : await getCtx();
  } catch (error) {
    if (error instanceof UnauthorizedError) return { refused: new Response(error.message, { status: 401 }) };
    throw error;
  }
  if (!ctx) return { refused: new Response("Sign in to export.", { status: 401 }) };
  if (!can(ctx.actor.role, "export.csv")) return { refused: new Response("Your role may not export CSV.", { status: 403 }) };
  const refused = refuseControlCharacters(request);
  return refused ? { refused } : { ctx, bom: !byKey };
}

/** A 400 naming the first query parameter of `request` that holds a control character, or null when none does. */
export function refuseControlCharacters(request: Request): Response | null {
  const param = controlCharacterParam(new URL(request.url).searchParams);
  return param === undefined ? null : new Response(controlCharacterMessage(param), { status: 400 });
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
