import { and, eq, ne } from "drizzle-orm";
import type { Ctx } from "@/lib/auth/context";
import type { Executor } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";

/** The sha256 of an imports row until its file is read whole. */
export const PLACEHOLDER_SHA = "0".repeat(64);

/** Marks imports a stopped process left running as failed, then records this one as running; returns its id. */
export async function claimFile(ctx: Ctx, fileName: string): Promise<number> {
  await failInterruptedImports(ctx.db);
  const [created] = await ctx.db
    .insert(imports)
    .values({
      kind: "focus",
      fileName,
      sha256: PLACEHOLDER_SHA,
      status: "running",
      createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
    })
    .returning({ id: imports.id });
  return created!.id;
}

/** The succeeded FOCUS import of these bytes, other than `exceptId`. */
export async function findSucceeded(db: Executor, sha256: string, exceptId?: number) {
  if (!sha256) return undefined;
  const same = and(eq(imports.kind, "focus"), eq(imports.status, "succeeded"), eq(imports.sha256, sha256));
  const [row] = await db
    .select({ id: imports.id, fileName: imports.fileName, createdAt: imports.createdAt })
    .from(imports)
    .where(exceptId === undefined ? same : and(same, ne(imports.id, exceptId)))
    .limit(1);
  return row;
}
