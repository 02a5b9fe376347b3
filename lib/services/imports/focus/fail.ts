import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { CsvSyntaxError } from "@/lib/csv/read";
import type { Db } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { FocusError } from "@/lib/ingest/focus/rows";
import { RecordError } from "@/lib/ingest/focus/scan";
import { GzipError, SourceAbortedError } from "@/lib/ingest/focus/stream";
import { databaseReason, isDatabaseError, isDuplicateKey } from "../database-error";
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
  const errors = error instanceof Rejected ? error.errors : [describeFailure(error, importId)];
  await db
    .update(imports)
    .set({ status: "failed", errors, rows: 0, bytes, sha256: sha256 || PLACEHOLDER_SHA, finishedAt: new Date() })
    .where(eq(imports.id, importId))
    .catch(() => {});
  return { importId, status: "failed", rows, bytes, sha256, errors, summary: null };
}

/** The error as the user sees it: known errors in their own words; the database's and unknown ones logged, behind a reference. */
export function describeFailure(error: unknown, importId: number): FocusError {
  if (error instanceof SourceAbortedError || error instanceof GzipError || error instanceof AppError)
    return { line: 0, message: error.message };
  if (error instanceof RecordError) return { line: error.line, message: error.message };
  if (error instanceof CsvSyntaxError) return { line: error.line, message: `The file is not valid CSV: ${error.message}` };
  const ref = randomBytes(4).toString("hex");
  console.error(`FOCUS import #${importId} failed (ref ${ref}):`, error);
  if (!isDatabaseError(error)) return { line: 0, message: `The import failed and nothing was loaded. (ref ${ref})` };
  const reason = databaseReason(error);
  return {
    line: 0,
    message: reason
      ? `The file could not be loaded: ${reason}. Nothing was loaded. (ref ${ref})`
      : `The database refused the file; nothing was loaded. (ref ${ref})`,
  };
}
