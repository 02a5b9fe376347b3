import { randomBytes } from "node:crypto";
import { CsvSyntaxError } from "@/lib/csv/read";
import { AppError } from "@/lib/errors";
import { RecordError } from "@/lib/ingest/focus/scan";
import { GzipError, SourceAbortedError } from "@/lib/ingest/focus/stream";
import { databaseReason, isDatabaseError } from "./database-error";

/** An import's error as the user sees it: by line (0 = the file as a whole), optionally column. */
type ImportError = { line: number; column?: string; message: string };

/** The error as the user sees it: known errors in their own words; the database's and unknown ones logged, behind a reference. */
export function describeFailure(error: unknown, label: string): ImportError {
  if (error instanceof SourceAbortedError || error instanceof GzipError || error instanceof AppError)
    return { line: 0, message: error.message };
  if (error instanceof RecordError) return { line: error.line, message: error.message };
  if (error instanceof CsvSyntaxError) return { line: error.line, message: `The file is not valid CSV: ${error.message}` };
  const ref = randomBytes(4).toString("hex");
  console.error(`${label} failed (ref ${ref}):`, error);
  if (!isDatabaseError(error)) return { line: 0, message: `The import failed and nothing was loaded. (ref ${ref})` };
  const reason = databaseReason(error);
  return {
    line: 0,
    message: reason
      ? `The file could not be loaded: ${reason}. Nothing was loaded. (ref ${ref})`
      : `The database refused the file; nothing was loaded. (ref ${ref})`,
  };
}
