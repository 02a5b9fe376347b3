import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { serverUrlOf } from "./client";

// CSV written by the database itself: `COPY (select …) TO STDOUT WITH (FORMAT csv, HEADER)`. The server's own
// CSV writer is the physical limit for an export, so large exports go through it instead of rows parsed into
// JavaScript and written again.
//
// On the Postgres server the COPY runs on a connection of its own (postgres.js cannot abort a COPY out and
// reuse the connection), streamed with back-pressure; if the reader stops early, the backend is terminated and
// the connection closed, so nothing keeps running for a download nobody reads. On PGlite (the embedded,
// small-data engine) the rows go out in keyset pages, each COPY'd to a blob, so memory stays one page.

export type CopySelect = {
  /** The select list (aliases become the CSV header). */
  columns: string;
  /** FROM … (with joins). */
  from: string;
  /** Conditions ANDed into WHERE; every value in them must already be validated and inlined (COPY takes no parameters). */
  where: string[];
  /** The keyset column: a bigint key, unique and indexed, that orders the rows. */
  key: string;
};

export async function* copyCsv(db: Db, select: CopySelect, pageSize = 20_000): AsyncGenerator<Uint8Array> {
  const url = serverUrlOf(db);
  if (url) yield* copyFromServer(db, url, select);
  else yield* copyFromPglite(db, select, pageSize);
}

const whereOf = (conditions: string[]) => (conditions.length ? `where ${conditions.map((c) => `(${c})`).join(" and ")}` : "");

async function* copyFromServer(db: Db, url: string, select: CopySelect): AsyncGenerator<Uint8Array> {
  const { default: postgres } = await import("postgres");
  const own = postgres(url, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {}, connect_timeout: 10 });
  let pid: number | null = null;
  let finished = false;
  try {
    const [row] = await own<{ pid: number }[]>`select pg_backend_pid() as pid`;
    pid = row?.pid ?? null;
    const statement = `copy (select ${select.columns} from ${select.from} ${whereOf(select.where)} order by ${select.key}) to stdout with (format csv, header true)`;
    const stream = await own.unsafe(statement).readable();
    for await (const chunk of stream) yield chunk as Uint8Array;
    finished = true;
  } finally {
    if (!finished && pid !== null) {
      await db.execute(sql`select pg_terminate_backend(${pid})`).catch(() => {});
    }
    await own.end({ timeout: finished ? 5 : 0 }).catch(() => {});
  }
}

type PgliteClient = { query: (query: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[]; blob?: Blob }> };

async function* copyFromPglite(db: Db, select: CopySelect, pageSize: number): AsyncGenerator<Uint8Array> {
  const client = (db as unknown as { $client: PgliteClient }).$client;
  let after: string | null = null;
  for (let first = true; ; first = false) {
    const conditions = after === null ? select.where : [...select.where, `${select.key} > ${after}`];
    const { rows } = await client.query(
      `select (${select.key})::text as k from ${select.from} ${whereOf(conditions)} order by ${select.key} offset ${pageSize - 1} limit 1`,
    );
    const last = rows[0]?.k as string | undefined;
    if (last !== undefined && !/^-?\d+$/.test(last)) throw new Error("The keyset column must be an integer.");
    const page = last === undefined ? conditions : [...conditions, `${select.key} <= ${last}`];
    const { blob } = await client.query(
      `copy (select ${select.columns} from ${select.from} ${whereOf(page)} order by ${select.key}) to '/dev/blob' with (format csv, header ${first})`,
    );
    if (blob && blob.size > 0) yield new Uint8Array(await blob.arrayBuffer());
    if (last === undefined) return;
    after = last;
  }
}
