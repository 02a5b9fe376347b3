import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import type { FocusError } from "@/lib/ingest/focus/rows";
import {
  createStaging,
  insertStaged,
  lineExpression,
  openStagingWriter,
  rawAsTyped,
  replayRaw,
  stagedAsTyped,
} from "@/lib/ingest/focus/staging";
import { isDataError } from "../database-error";
import { diagnoseStaged } from "./check";
import { findSucceeded } from "./claim";
import type { Staged } from "./stage";
import { Duplicate, Rejected } from "./types";

/**
 * Casts the staged rows into cost_line_items in one INSERT … SELECT, unless the same bytes were imported
 * before (Duplicate). Files with FX conversion or JSON extension columns, and files whose cast PostgreSQL
 * refuses, go through FocusRowMapper.map instead.
 */
export async function loadStaged(tx: Tx, staged: Staged, importId: number): Promise<void> {
  const earlier = await findSucceeded(tx, staged.tap.sha256(), importId);
  if (earlier) throw new Duplicate(earlier);
  if (staged.mapper.needsFx || staged.mapper.hasJsonExtra) return insertMapped(tx, staged, importId);
  // Dates without a zone are UTC, as FocusRowMapper reads them.
  await tx.execute(sql`set local timezone to 'UTC'`);
  const line = await lineExpression(tx, staged.lines);
  const layout = { width: staged.width, ...staged.mapper.sources(), columns: staged.mapper.layout() };
  await tx.execute(sql`savepoint focus_cast`);
  try {
    await insertStaged(tx, rawAsTyped(staged.table, layout, line), importId);
    await tx.execute(sql`release savepoint focus_cast`);
  } catch (error) {
    // A cell PostgreSQL refuses that the checks let through (bad JSON inside Tags, …): the rows are
    // read again through the full checks, which name it; if they find nothing, they load the file.
    if (!isDataError(error)) throw error;
    await tx.execute(sql`rollback to savepoint focus_cast`);
    const found = await diagnoseStaged(tx, staged);
    if (found.length > 0) throw new Rejected(found);
    await insertMapped(tx, staged, importId);
  }
}

/** The rows through FocusRowMapper.map into the typed staging table (FX conversion, JSON extension columns), then into cost_line_items. */
async function insertMapped(tx: Tx, staged: Staged, importId: number): Promise<void> {
  await createStaging(tx, "focus_stage", "on commit drop");
  const batch = new StagingBatch(tx);
  const found: FocusError[] = [];
  await replayRaw(
    tx,
    staged.table,
    staged.width,
    (n) => staged.lines.lineOf(n),
    (fields, line) => {
      const text = staged.mapper.map(fields, line, found);
      if (text !== null) batch.add(text);
      return found.length === 0;
    },
    () => batch.flush(),
  );
  if (found.length > 0) throw new Rejected(found);
  await batch.flush();
  await insertStaged(tx, stagedAsTyped("focus_stage"), importId);
}

/** Mapped lines, one COPY per fetched batch: the replay's cursor and a COPY cannot share the connection at once. */
class StagingBatch {
  private lines: string[] = [];

  constructor(private readonly tx: Tx) {}

  add(line: string): void {
    this.lines.push(line);
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const writer = await openStagingWriter(this.tx, "focus_stage");
    for (const text of this.lines) await writer.write(text);
    await writer.finish();
    this.lines = [];
  }
}
