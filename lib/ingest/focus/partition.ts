import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { TARGET_COLUMNS } from "./columns";
import { openCopyWriter, type CopyWriter } from "./copy-in";

// cost_line_items is partitioned by import (LIST (import_id)). An import COPYs its typed rows straight into a
// table of its own, created empty with the check its partition bound implies, builds that table's indexes
// once after the load and attaches it: the attach finds the check (no scan) and the indexes the parent's
// partitioned indexes need (no build). On the server all of it happens in the load's transaction, so a
// failed or refused import leaves no table behind; PGlite fills the table outside the transaction and drops
// it when the import does not finish (dropOrphanPartitions after a crash).

/** The columns the importer writes, in its COPY's order: the key, the five ties, the FOCUS columns, extra. */
export const PARTITION_COLUMNS: readonly string[] = [
  "import_id",
  "line_number",
  "provider_id",
  "contract_id",
  "reservation_id",
  "accelerator_type_id",
  "workload_id",
  ...TARGET_COLUMNS.map((c) => c.db),
  "extra",
];

const id = (importId: number): number => {
  if (!Number.isSafeInteger(importId) || importId <= 0) throw new Error(`Not an import id: ${importId}`);
  return importId;
};

/** The partition of one import: cost_line_items_<import id>. */
export function partitionName(importId: number): string {
  return `cost_line_items_${id(importId)}`;
}

/**
 * The import's table, empty, shaped like cost_line_items (columns, types, NOT NULLs) and with the check of
 * its partition bound, so attaching it later needs no scan. Created with the load's transaction on the
 * server (then COPY … FREEZE may write it frozen).
 */
export async function createPartitionTable(db: Executor, importId: number): Promise<void> {
  const table = partitionName(importId);
  await db.execute(
    sql.raw(`create table ${table} (like cost_line_items including defaults,
      constraint ${table}_import check (import_id is not null and import_id = ${id(importId)}))`),
  );
}

/** COPY (CSV format, lib/ingest/focus/copy-rows.ts) of `columns` into the import's table; `freeze` when the table was created in this transaction. */
export function openPartitionWriter(db: Executor, importId: number, freeze: boolean, columns: readonly string[]): Promise<CopyWriter> {
  for (const c of columns) if (!PARTITION_COLUMNS.includes(c)) throw new Error(`No column ${c} in cost_line_items`);
  return openCopyWriter(
    db,
    `copy ${partitionName(importId)} (${columns.join(", ")}) from`,
    freeze ? "with (format csv, freeze)" : "with (format csv)",
  );
}

/** The parent's indexes, named for the partition: the key and the three partitioned indexes of migration 0008. */
function indexStatements(importId: number): string[] {
  const t = partitionName(importId);
  return [
    `alter table ${t} add constraint ${t}_pkey primary key (import_id, line_number)`,
    `create index ${t}_contract_period_idx on ${t} (contract_id, charge_period_start)`,
    `create index ${t}_provider_sku_idx on ${t} (provider_id, sku_id)`,
    `create index ${t}_unmatched_idx on ${t} (provider_id) where contract_id is null and reservation_id is null and accelerator_type_id is null`,
  ];
}

/** Builds the table's indexes once, now that its rows are in (each a sort of the rows, not a row-by-row insert). */
export async function buildPartitionIndexes(db: Executor, importId: number): Promise<void> {
  for (const statement of indexStatements(importId)) await db.execute(sql.raw(statement));
}

/** Makes the loaded table the import's partition of cost_line_items (no scan, no index build: see above). */
export async function attachPartition(db: Executor, importId: number): Promise<void> {
  await db.execute(sql.raw(`alter table cost_line_items attach partition ${partitionName(importId)} for values in (${id(importId)})`));
}

export async function dropPartitionTable(db: Executor, importId: number): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${partitionName(importId)}`));
}

/**
 * Tables of imports that never attached them (a process that stopped while PGlite was loading one): dropped,
 * except those of the imports still running in this process (`live`). Returns how many.
 */
export async function dropOrphanPartitions(db: Executor, live: readonly number[]): Promise<number> {
  const orphans = await queryRows<{ import_id: string }>(
    db,
    sql`select substr(c.relname, ${"cost_line_items_".length + 1}) as import_id from pg_class c
        where c.relkind = 'r' and not c.relispartition and c.relname ~ '^cost_line_items_[0-9]+$'
          and c.relnamespace = current_schema()::regnamespace`,
  );
  let dropped = 0;
  for (const { import_id } of orphans) {
    const n = Number(import_id);
    if (live.includes(n)) continue;
    await dropPartitionTable(db, n);
    dropped++;
  }
  return dropped;
}

/**
 * The import's partition, created empty with the parent's indexes, for rows written by INSERT rather than
 * the importer (test fixtures, bench:pages' generated billing), and by the importer on a Citus coordinator:
 * a partition created attached is distributed with its parent (a table attached later would be copied from
 * the coordinator to the shards), so the COPY into it is routed to every shard in parallel.
 */
export async function ensurePartition(db: Executor, importId: number): Promise<void> {
  await db.execute(
    sql.raw(`create table if not exists ${partitionName(importId)} partition of cost_line_items for values in (${id(importId)})`),
  );
}
