import { toActionError, type ActionResult } from "@/lib/errors";
import { requirePermission, type Ctx } from "./context";
import type { Permission } from "./permissions";
import { requireActionCtx } from "./session";

/**
 * A server action's frame: the caller's session (a typed error once it has ended), `permission` checked before
 * anything else (the verb checks it again), the work, then `revalidate` (the pages to refresh); any error becomes the
 * form's message and nothing is refreshed.
 */
export async function runAction<T>(
  permission: Permission,
  work: (ctx: Ctx) => Promise<T>,
  revalidate: () => void,
): Promise<ActionResult<T>> {
  try {
    const ctx = await requireActionCtx();
    requirePermission(ctx, permission);
    const data = await work(ctx);
    revalidate();
    return { ok: true, data };
  } catch (e) {
    return toActionError(e);
  }
}
