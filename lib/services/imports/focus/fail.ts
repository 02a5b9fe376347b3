import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { isDuplicateKey } from "../database-error";
import { describeFailure } from "../failure";
import { findSucceeded, PLACEHOLDER_SHA } from "./claim";
import { Duplicate, Rejected, type FileRead, type FocusImportResult } from "./types";

/**
 * An import that did not load: a duplicate gives up its imports row and names the earlier import; any other
 * failure marks the row failed with the errors the user sees.
 */
export async function finishFailed(db: Db, importId: number, error: unknown, read: FileRead): Promise<FocusImportResult> {
  const { rows, bytes, sha256 } = read;
  if (error instanceof Duplicate || isDuplicateKey(error)) {
    const earlier = error instanceof Duplicate ? error.earlier : await findSucceeded(db, sha256);
    if (earlier) {
      await db
        .delete(imports)
        .where(eq(imports.id, importId))
        .catch(() => {});
      return {
        importId: earlier.id,
        status: "duplicate",
        rows: 0,
        bytes,
        sha256,
        errors: [],
        summary: null,
        duplicateOf: { importId: earlier.id, fileName: earlier.fileName, createdAt: earlier.createdAt.toISOString() },
      };
    }
  }
  const errors = error instanceof Rejected ? error.errors : [describeFailure(error, `FOCUS import #${importId}`)];
  await db
    .update(imports)
    .set({ status: "failed", errors, rows: 0, bytes, sha256: sha256 || PLACEHOLDER_SHA, finishedAt: new Date() })
    .where(eq(imports.id, importId))
    .catch(() => {});
  return { importId, status: "failed", rows, bytes, sha256, errors, summary: null };
}
