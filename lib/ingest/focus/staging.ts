import { once } from "node:events";
import type { Writable } from "node:stream";
import { stagedFields, withChargeTies } from "@/lib/ingest/matching";
import { sql } from "drizzle-orm";
import type { Executor, Tx } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { STAGING_COLUMNS, TARGET_COLUMNS } from "./columns";

// The staging table is temporary, all columns text: on the server it lives in the import's
// transaction (ON COMMIT DROP); on PGlite it is filled outside it and dropped after. One
// INSERT … SELECT casts it into cost_line_items.

/** postgres.js: a query whose `reject` the connection calls with the server's error (see openCopyWriter). */
type PostgresJsQuery = { writable: () => Promise<Writable>; reject?: (error: unknown) => unknown };
type PostgresJsClient = { unsafe: (query: string, params?: unknown[]) => PostgresJsQuery };
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
const NAME = /^focus_(stage|raw|lines)(_\d+)?$/;

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

export type CopyWriter = { write(data: Buffer | string): Promise<void>; finish(): Promise<void>; abort(): void };

/** The typed staging table's writer: FocusRowMapper.map's lines, COPY text format. */
export function openStagingWriter(db: Executor, table: string): Promise<CopyWriter> {
  return openCopyWriter(db, `copy ${checked(table)} (${COLUMN_LIST}) from`, "");
}

/**
 * COPY into a table in bounded batches: 256 kB writes to the server's COPY FROM STDIN (waiting when it
 * pushes back), 8 MB blobs on PGlite (each its own COPY, so each batch must hold whole records).
 */
async function openCopyWriter(db: Executor, copy: string, options: string): Promise<CopyWriter> {
  const target = engineClient(db);
  let parts: Buffer[] = [];
  let size = 0;
  const add = (data: Buffer | string) => {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    parts.push(bytes);
    size += bytes.length;
  };
  const take = () => {
    const chunk = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return chunk;
  };
  if (target.engine === "postgres") {
    // postgres.js resolves the query with the COPY stream and forgets it: an error the server sends after
    // stream.end() (a byte it refuses, a constraint) reaches neither the stream nor a promise anyone holds,
    // only the query's `reject`, which the connection still calls. Hooking it turns the refusal into a
    // rejection of write/finish; the server has left COPY mode by then, so the connection goes back to the
    // pool in an aborted transaction that the caller's rollback clears.
    const query = target.client.unsafe(`${copy} stdin ${options}`);
    let failure: Error | undefined;
    let refuse: (error: Error) => void = () => {};
    const refused = new Promise<never>((_, reject) => (refuse = reject));
    refused.catch(() => {});
    const fail = (error: unknown) => {
      failure ??= error instanceof Error ? error : new Error(String(error));
      refuse(failure);
    };
    const reject = query.reject;
    if (typeof reject === "function") {
      query.reject = (error) => {
        fail(error);
        return reject(error);
      };
    }
    const stream = await query.writable();
    stream.on("error", fail);
    const flush = async () => {
      if (size === 0) return;
      if (!stream.write(take())) await Promise.race([drained(stream), refused]);
      if (failure) throw failure;
    };
    return {
      async write(data) {
        add(data);
        if (size >= 1 << 18) await flush();
      },
      async finish() {
        await flush();
        stream.end();
        if (!failure) {
          const finished = once(stream, "finish");
          finished.catch(() => {}); // when the refusal wins the race, a later stream error is not unhandled
          await Promise.race([finished, refused]);
        }
        if (failure) throw failure;
      },
      abort() {
        if (!stream.destroyed && !failure) stream.destroy(new Error("import abandoned"));
      },
    };
  }
  const flush = async () => {
    if (size === 0) return;
    await target.client.query(`${copy} '/dev/blob' ${options}`, [], { blob: new Blob([take() as Uint8Array<ArrayBuffer>]) });
  };
  return {
    async write(data) {
      add(data);
      if (size >= 8 << 20) await flush();
    },
    finish: flush,
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
const COLUMN_TYPE = new Map<string, string>([...TARGET_COLUMNS.map((c) => [c.db, CAST[c.kind]!] as const), ["extra", "::jsonb"]]);

// The raw staging table: the file's cells as PostgreSQL's CSV reader parsed them (c1 … cN, text, NULL for
// an unquoted empty cell), numbered rn = 1, 2, … in file order.

function rawColumns(width: number): string {
  return Array.from({ length: width }, (_, i) => `c${i + 1}`).join(", ");
}

export async function createRawStaging(db: Executor, table: string, width: number, onCommit: "on commit drop" | ""): Promise<void> {
  const columns = Array.from({ length: width }, (_, i) => `c${i + 1} text`).join(", ");
  await db.execute(sql.raw(`create temporary table ${checked(table)} (rn bigint generated always as identity, ${columns}) ${onCommit}`));
}

/** The raw staging table's writer: whole CSV records as the file has them (COPY … FORMAT csv). */
export function openRawWriter(db: Executor, table: string, width: number): Promise<CopyWriter> {
  return openCopyWriter(db, `copy ${checked(table)} (${rawColumns(width)}) from`, "(format csv)");
}

/** How a file's column lands (FocusRowMapper.layout). */
export type RawLayout = {
  width: number;
  columns: { index: number; name: string; kind: string; column: string | null }[];
  provider: number[];
  publisher: number[];
};

const nullCell = (c: string) => `(case when ${c} in ('', 'NULL', 'null', 'Null') then null else ${c} end)`;
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The raw staging rows as typed staging rows (`insertStaged`), with the normalizations
 * FocusRowMapper.map makes: null spellings, trimmed upper-case currency, the first provider/publisher
 * column with a value, extension columns as a JSON object of their non-null cells. For files `check`
 * passed and with neither FX conversion nor JSON extension columns (those take `map`).
 */
export function rawAsTyped(table: string, layout: RawLayout, line: string): string {
  const cell = (i: number) => `r.c${i + 1}`;
  const by = new Map<string, string>();
  const extra: string[] = [];
  for (const c of layout.columns) {
    if (c.column === null) {
      extra.push(`${literal(c.name)}, ${nullCell(cell(c.index))}`);
      continue;
    }
    if (c.column === "provider_name" || c.column === "publisher_name") continue;
    by.set(
      c.column,
      c.kind === "currency" ? `upper(btrim(${nullCell(cell(c.index))}))` : `${nullCell(cell(c.index))}${CAST[c.kind] ?? ""}`,
    );
  }
  const first = (slots: number[]) => (slots.length === 0 ? "null" : `coalesce(${slots.map((i) => nullCell(cell(i))).join(", ")})`);
  by.set("provider_name", first(layout.provider));
  by.set("publisher_name", first(layout.publisher));
  by.set("line_number", line);
  // jsonb_build_object takes at most 100 arguments: 50 columns a call.
  const groups: string[] = [];
  for (let i = 0; i < extra.length; i += 50) groups.push(`jsonb_build_object(${extra.slice(i, i + 50).join(", ")})`);
  by.set("extra", groups.length === 0 ? "null::jsonb" : `nullif(jsonb_strip_nulls(${groups.join(" || ")}), '{}'::jsonb)`);
  const select = STAGING_COLUMNS.map((c) => `${by.get(c) ?? `null${COLUMN_TYPE.get(c) ?? ""}`} as ${c}`).join(", ");
  // OFFSET 0: computed once per row, not once per reference in the matching and the casts.
  return `(select ${select} from ${checked(table)} r offset 0)`;
}

/** The text staging table (FocusRowMapper.map's lines) as typed staging rows (`insertStaged`). */
export function stagedAsTyped(table: string): string {
  const columns = STAGING_COLUMNS.map((c) => `${c}${c === "line_number" ? "::int" : (COLUMN_TYPE.get(c) ?? "")} as ${c}`);
  return `(select ${columns.join(", ")} from ${checked(table)} offset 0)`;
}

/**
 * One set-based insert of typed staging rows (`rawAsTyped` or `stagedAsTyped`: cost_line_items' names and
 * types, computed once per row) into cost_line_items, tied to providers, contracts and reservations.
 */
export async function insertStaged(tx: Tx, typed: string, importId: number): Promise<void> {
  const targets = TARGET_COLUMNS.map((c) => c.db);
  await tx.execute(
    sql.raw(
      `insert into cost_line_items (import_id, line_number, ${targets.join(", ")}, extra, provider_id, reservation_id, contract_id, accelerator_type_id)
       select ${Number(importId)}, line_number, ${targets.join(", ")}, extra, m_provider_id, m_reservation_id, m_contract_id, m_accelerator_type_id
       from ${withChargeTies(typed, stagedFields)} s`,
    ),
  );
}

/**
 * Reads the raw staging rows back in file order (a cursor, 2,000 rows a fetch; inside a transaction) and
 * hands each to `each` as the cells CsvTokenizer would have read ("" for NULL) with its line, until `each`
 * returns false; `afterBatch` runs after each fetch's rows (the connection is free again then, e.g. for a COPY).
 */
export async function replayRaw(
  tx: Executor,
  table: string,
  width: number,
  lineOf: (record: number) => number,
  each: (fields: string[], line: number) => boolean | Promise<boolean>,
  afterBatch?: () => Promise<void>,
): Promise<void> {
  await tx.execute(
    sql.raw(`declare focus_replay no scroll cursor for select rn::float8 as rn, ${rawColumns(width)} from ${checked(table)} order by rn`),
  );
  try {
    for (;;) {
      const rows = await queryRows<Record<string, string | number | null>>(tx, sql.raw("fetch forward 2000 from focus_replay"));
      if (rows.length === 0) return;
      for (const row of rows) {
        const fields = new Array<string>(width);
        for (let i = 0; i < width; i++) fields[i] = (row[`c${i + 1}`] as string | null) ?? "";
        if (!(await each(fields, lineOf(row.rn as number)))) return;
      }
      await afterBatch?.();
    }
  } finally {
    await tx.execute(sql.raw("close focus_replay"));
  }
}

/** The line of each raw staging row: rn + a constant, or, when records span lines, a lookup in a small table. */
export async function lineExpression(tx: Tx, lines: { from: number[]; offset: number[] }): Promise<string> {
  if (lines.from.length <= 1) return `(r.rn + ${Number(lines.offset[0] ?? 0)})::int`;
  await tx.execute(sql.raw("create temporary table focus_lines (rn bigint primary key, off int not null) on commit drop"));
  await tx.execute(
    sql`insert into focus_lines select * from unnest(${`{${lines.from.join(",")}}`}::bigint[], ${`{${lines.offset.join(",")}}`}::int[])`,
  );
  return "(r.rn + (select o.off from focus_lines o where o.rn <= r.rn order by o.rn desc limit 1))::int";
}
