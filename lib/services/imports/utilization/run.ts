import { and, eq } from "drizzle-orm";
import { imports } from "@/lib/db/schema";
import { audit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/auth/context";
import { UtilizationLoader } from "@/lib/ingest/utilization/load";
import type { UtilizationError, UtilizationImportResult } from "@/lib/ingest/utilization/types";
import { SourceAbortedError } from "@/lib/ingest/focus/stream";
import { describeFailure } from "../failure";
import { PLACEHOLDER_SHA } from "../focus/claim";

export type ReadOutcome = { rows: number; sha256: string; bytes?: number };

class Rollback extends Error {
  constructor(readonly result: Omit<UtilizationImportResult, "importId"> & { importId: number | null; bytes?: number }) {
    super("rollback");
  }
}

/**
 * One utilization load, all or nothing: `read` feeds the loader inside one transaction and reports the
 * content's SHA-256; content already imported successfully is a duplicate and changes nothing. A failed load
 * leaves only its imports row (status failed, first errors). Anything else that stops it (`signal` aborted, a lost
 * connection, the database refusing) rolls back and fails the import with a message to act on and a reference,
 * never the driver's words (those go to the server log).
 */
export async function runUtilizationLoad(
  ctx: Ctx,
  fileName: string,
  read: (loader: UtilizationLoader) => Promise<ReadOutcome>,
  signal?: AbortSignal,
): Promise<UtilizationImportResult> {
  const createdBy = ctx.actor.kind === "user" ? ctx.actor.id : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const loader = await UtilizationLoader.open(tx);
      const { rows, sha256, bytes } = await read(loader);
      if (signal?.aborted) throw new SourceAbortedError("The upload was aborted before the import finished; nothing was loaded.");
      const [earlier] = await tx
        .select({ id: imports.id })
        .from(imports)
        .where(and(eq(imports.kind, "utilization"), eq(imports.sha256, sha256), eq(imports.status, "succeeded")));
      if (earlier && loader.errors.length === 0)
        throw new Rollback({ importId: earlier.id, status: "duplicate", rows, sha256, errors: [], summary: null });
      const summary = await loader.finish();
      if (!summary) throw new Rollback({ importId: null, status: "failed", rows, sha256, bytes, errors: loader.errors, summary: null });
      const [row] = await tx
        .insert(imports)
        .values({ kind: "utilization", fileName, sha256, rows, bytes, status: "succeeded", summary, createdBy, finishedAt: new Date() })
        .returning({ id: imports.id });
      await audit(tx, ctx, {
        action: "utilization.import",
        entityType: "import",
        entityId: String(row!.id),
        after: { fileName, sha256, rows, summary },
      });
      return { importId: row!.id, status: "succeeded" as const, rows, sha256, errors: [], summary };
    });
  } catch (error) {
    if (!(error instanceof Rollback)) {
      const errors = [describeFailure(error, "Utilization import")];
      const failed = { fileName, sha256: PLACEHOLDER_SHA, rows: 0, errors, createdBy };
      const importId = await recordFailure(ctx, failed).catch(() => null);
      return { importId, status: "failed", rows: 0, sha256: "", errors, summary: null };
    }
    const { bytes, ...result } = error.result;
    if (result.status !== "failed") return result;
    return {
      ...result,
      importId: await recordFailure(ctx, { fileName, sha256: result.sha256, rows: result.rows, bytes, errors: result.errors, createdBy }),
    };
  }
}

async function recordFailure(
  ctx: Ctx,
  v: { fileName: string; sha256: string; rows: number; bytes?: number; errors: UtilizationError[]; createdBy: string | null },
): Promise<number> {
  const [row] = await ctx.db
    .insert(imports)
    .values({
      kind: "utilization",
      fileName: v.fileName,
      sha256: v.sha256,
      rows: 0,
      bytes: v.bytes,
      status: "failed",
      errors: v.errors,
      createdBy: v.createdBy,
      finishedAt: new Date(),
    })
    .returning({ id: imports.id });
  return row!.id;
}
