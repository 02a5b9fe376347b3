import { imports } from "@/lib/db/schema";
import { audit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/auth/context";
import { BusinessMetricsLoader } from "@/lib/ingest/business-metrics/load";
import type { BusinessMetricsImportResult, MetricError } from "@/lib/ingest/business-metrics/types";
import { SourceAbortedError } from "@/lib/ingest/focus/stream";
import { describeFailure } from "../failure";
import { PLACEHOLDER_SHA } from "../focus/claim";

export type ReadOutcome = { rows: number; sha256: string; bytes?: number };

class Rollback extends Error {
  constructor(readonly result: { rows: number; sha256: string; bytes?: number; errors: MetricError[] }) {
    super("rollback");
  }
}

/**
 * One business-metrics load, all or nothing: `read` feeds the loader inside one transaction; the values are upserted
 * per (workload, metric, day), so the same file sent again changes nothing and a corrected day replaces the old value.
 * A failed load leaves only its imports row (status failed, first errors); anything else that stops it rolls back
 * and fails the import with a message and a reference, never the driver's words.
 */
export async function runBusinessMetricsLoad(
  ctx: Ctx,
  fileName: string,
  read: (loader: BusinessMetricsLoader) => Promise<ReadOutcome>,
  signal?: AbortSignal,
): Promise<BusinessMetricsImportResult> {
  const createdBy = ctx.actor.kind === "user" ? ctx.actor.id : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const loader = await BusinessMetricsLoader.open(tx);
      const { rows, sha256, bytes } = await read(loader);
      if (signal?.aborted) throw new SourceAbortedError("The upload was aborted before the import finished; nothing was loaded.");
      const summary = await loader.finish(ctx.actor.email);
      if (!summary) throw new Rollback({ rows, sha256, bytes, errors: loader.errors });
      const [row] = await tx
        .insert(imports)
        .values({
          kind: "business_metrics",
          fileName,
          sha256,
          rows,
          bytes,
          status: "succeeded",
          summary,
          createdBy,
          finishedAt: new Date(),
        })
        .returning({ id: imports.id });
      await audit(tx, ctx, {
        action: "business_metrics.import",
        entityType: "import",
        entityId: String(row!.id),
        after: { fileName, sha256, rows, summary },
      });
      return { importId: row!.id, status: "succeeded" as const, rows, sha256, errors: [], summary };
    });
  } catch (error) {
    if (error instanceof Rollback) {
      const { rows, sha256, bytes, errors } = error.result;
      const importId = await recordFailure(ctx, { fileName, sha256, bytes, errors, createdBy });
      return { importId, status: "failed", rows, sha256, errors, summary: null };
    }
    const errors = [describeFailure(error, "Business metrics import")];
    const importId = await recordFailure(ctx, { fileName, sha256: PLACEHOLDER_SHA, errors, createdBy }).catch(() => null);
    return { importId, status: "failed", rows: 0, sha256: "", errors, summary: null };
  }
}

async function recordFailure(
  ctx: Ctx,
  v: { fileName: string; sha256: string; bytes?: number; errors: MetricError[]; createdBy: string | null },
): Promise<number> {
  const [row] = await ctx.db
    .insert(imports)
    .values({
      kind: "business_metrics",
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
