import { once } from "node:events";
import type { Writable } from "node:stream";
import { stagedTextFields, withChargeTies } from "@/lib/ingest/matching";
import { sql } from "drizzle-orm";
import type { Executor, Tx } from "@/lib/db/client";
import { STAGING_COLUMNS, TARGET_COLUMNS } from "./columns";

// The staging table is temporary, all columns text: on the server it lives in the import's
// transaction (ON COMMIT DROP); on PGlite it is filled outside it and dropped after. One
// INSERT … SELECT casts it into cost_line_items.

type PostgresJsClient = { unsafe: (query: string, params?: unknown[]) => { writable: () => Promise<Writable> } };
type PgliteClient = { query: (query: string, params?: unknown[], options?: { blob?: Blob }) => Promise<unknown> };

export type EngineClient = { engine: "postgres"; client: PostgresJsClient } | { engine: "pglite"; client: PgliteClient };

/** The driver client under a drizzle database or transaction (postgres.js reserved connection or PGlite). */
export function engineClient(executor: Executor): EngineClient {
  const client = (executor as unknown as { session: { client: unknown } }).session.client as Record<string, unknown>;
  if (typeof client.unsafe === "function") return { engine: "postgres", client: client as unknown as PostgresJsClient };
  if (typeof client.query === "function") return { engine: "pglite", client: client as unknown as PgliteClient };
  throw new Error("Unknown database driver.");
}

const COLUMN_LIST = STAGING_COLUMNS.join(", ");
const NAME = /^focus_stage(_\d+)?$/;

function checked(table: string): string {
  if (!NAME.test(table)) throw new Error(`Not a staging table name: ${table}`);
  return table;
}

export async function createStaging(db: Executor, table: string, onCommit: "on commit drop" | ""): Promise<void> {
  await db.execute(sql.raw(`create temporary table ${checked(table)} (${STAGING_COLUMNS.map((c) => `${c} text`).join(", ")}) ${onCommit}`));
}

export async function dropStaging(db: Executor, table: string): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${checked(table)}`));
}

export type StagingWriter = { write(line: string): Promise<void>; finish(): Promise<void>; abort(): void };

/** Bounded batches: about 1 MB per COPY write on the server, 8 MB per blob on PGlite. */
export async function openStagingWriter(db: Executor, table: string): Promise<StagingWriter> {
  const target = engineClient(db);
  const TABLE = checked(table);
  let parts: string[] = [];
  let size = 0;
  if (target.engine === "postgres") {
    const stream = await target.client.unsafe(`copy ${TABLE} (${COLUMN_LIST}) from stdin`).writable();
    let failure: Error | undefined;
    stream.on("error", (error) => (failure = error));
    const flush = async () => {
      if (size === 0) return;
      const chunk = Buffer.from(parts.join(""), "utf8");
      parts = [];
      size = 0;
      if (!stream.write(chunk)) await drained(stream);
      if (failure) throw failure;
    };
    return {
      async write(line) {
        parts.push(line);
        size += line.length;
        if (size >= 1 << 20) await flush();
      },
      async finish() {
        await flush();
        stream.end();
        await once(stream, "finish");
        if (failure) throw failure;
      },
      abort() {
        if (!stream.destroyed) stream.destroy(new Error("import abandoned"));
      },
    };
  }
  const copy = async () => {
    if (size === 0) return;
    const blob = new Blob([parts.join("")]);
    parts = [];
    size = 0;
    await target.client.query(`copy ${TABLE} (${COLUMN_LIST}) from '/dev/blob'`, [], { blob });
  };
  return {
    async write(line) {
      parts.push(line);
      size += line.length;
      if (size >= 8 << 20) await copy();
    },
    finish: copy,
    abort() {
      parts = [];
      size = 0;
    },
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

const CAST: Record<string, string> = { decimal: "::numeric", timestamp: "::timestamptz", tags: "::jsonb", currency: "", text: "" };

/** One set-based insert of the staged rows into cost_line_items. */
export async function insertStaged(tx: Tx, table: string, importId: number): Promise<void> {
  const targets = TARGET_COLUMNS.map((c) => c.db);
  const casts = TARGET_COLUMNS.map((c) => `${c.db}${CAST[c.kind]}`);
  await tx.execute(
    sql.raw(
      `insert into cost_line_items (import_id, line_number, ${targets.join(", ")}, extra, provider_id, reservation_id, contract_id, accelerator_type_id)
       select ${Number(importId)}, line_number::int, ${casts.join(", ")}, extra::jsonb, m_provider_id, m_reservation_id, m_contract_id, m_accelerator_type_id
       from ${withChargeTies(checked(table), stagedTextFields)} s`,
    ),
  );
}
