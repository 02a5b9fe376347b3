import type { Executor } from "@/lib/db/client";
import { MAX_ERRORS, type FocusError } from "@/lib/ingest/focus/rows";
import { replayRaw } from "@/lib/ingest/focus/staging";
import type { Staged } from "./stage";
import { Rejected } from "./types";

/** Refuses a staged file with a malformed record or a bad cell, listing the first 100 errors by line. */
export async function rejectBadRows(tx: Executor, staged: Staged): Promise<void> {
  if (staged.structural.length === 0 && !staged.badCells) return;
  const cells = await diagnoseStaged(tx, staged);
  throw new Rejected([...staged.structural, ...cells].sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS));
}

/** Every row of the raw staging table through FocusRowMapper.map: its errors (the first 100). */
export async function diagnoseStaged(tx: Executor, staged: Staged): Promise<FocusError[]> {
  const found: FocusError[] = [];
  await replayRaw(
    tx,
    staged.table,
    staged.width,
    (n) => staged.lines.lineOf(n),
    (fields, line) => {
      staged.mapper.map(fields, line, found);
      return found.length < MAX_ERRORS;
    },
  );
  return found;
}
