import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Executor } from "@/lib/db/client";

// COPY … FROM STDIN on either engine: postgres.js' COPY stream on the server, PGlite's /dev/blob in batches.

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

export type CopyWriter = { write(data: Buffer | string): Promise<void>; finish(): Promise<void>; abort(): void };

/**
 * COPY into a table in bounded batches: 256 kB writes to the server's COPY FROM STDIN (waiting when it
 * pushes back), 2 MB blobs on PGlite (each its own COPY, so each batch must hold whole records).
 */
export async function openCopyWriter(db: Executor, copy: string, options: string): Promise<CopyWriter> {
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
      if (size >= 2 << 20) await flush();
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
