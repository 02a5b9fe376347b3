import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { RecoveringPool } from "./pool-recovery";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

const serverUrls = new WeakMap<Db, string>();

/** The Postgres server URL a database handle was opened with; null on PGlite. For work that needs a connection of its own (COPY out). */
export function serverUrlOf(db: Db): string | null {
  return serverUrls.get(db) ?? null;
}

/**
 * The server pool: 10 connections; a query finding them all busy waits in postgres.js' queue (no limit, no
 * timeout) rather than failing. A new connection gets 30 s for its handshake: under heavy load the event loop
 * itself can be busy for seconds, and a tighter bound turned a slow page into a 500 (CONNECT_TIMEOUT).
 */
export const POOL = { max: 10, connectTimeoutSeconds: 30 };

/** `loadDataDir` (in-memory PGlite only): start from a data directory dumped by PGlite's dumpDataDir (test copies). */
export async function openDatabase(options: { url?: string; dataDir?: string; max?: number; loadDataDir?: Blob }): Promise<DbHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? POOL.max,
      onnotice: () => {},
      connect_timeout: POOL.connectTimeoutSeconds,
    });
    try {
      await client`select 1`;
    } catch (error) {
      await client.end({ timeout: 1 }).catch(() => {});
      const host = safeHost(options.url);
      throw new DatabaseUnavailableError(`Cannot reach the Postgres server at ${host} (${(error as Error).message}); check DATABASE_URL.`);
    }
    const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
    serverUrls.set(db, options.url);
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.dataDir ? path.join(/*turbopackIgnore: true*/ options.dataDir, "pglite") : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  // 32 MB of shared buffers instead of 128 MB: the embedded engine holds small data (its files sit in the OS page
  // cache anyway), and a large import would otherwise fill all 128 MB inside the process (bench:ingest --pglite).
  const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];
  const client = dir ? new PGlite(dir, { startParams }) : new PGlite({ startParams, loadDataDir: options.loadDataDir });
  await client.waitReady;
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}`;
  } catch {
    return "the configured address";
  }
}

const globalForDb = globalThis as unknown as { headroomDb?: RecoveringPool<DbHandle> };

export function getDb(): Promise<Db> {
  globalForDb.headroomDb ??= new RecoveringPool(() => openDatabase({ url: env().databaseUrl, dataDir: env().dataDir }));
  return globalForDb.headroomDb.get().then((h) => h.db);
}
