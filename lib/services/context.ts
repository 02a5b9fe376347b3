import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";

// Parsing input is shared with the read-only planner (lib/queries/plan/run.ts), so it lives in lib/validation.
export { parseInput } from "@/lib/validation/parse-input";

export function withTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
