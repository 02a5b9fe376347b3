import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { engineClient } from "./copy-in";
import { dropOrphanPartitions } from "./partition";

// A process killed mid-import leaves its imports row "running". Live imports prove they are alive:
// on the Postgres server by holding a transaction-level advisory lock (LOCK_SPACE, import id) for the
// whole load; on PGlite (one process owns the data folder) by being in this process's registry.
// Anything else still "running" is marked failed ("interrupted") before each import and on request.

export const LOCK_SPACE = 0x4f43; // "FC"
const GRACE = "2 minutes";
const MESSAGE = "The import was interrupted (the process stopped or the connection was lost); nothing was loaded.";

const live = ((globalThis as { headroomLiveFocusImports?: WeakMap<object, Set<number>> }).headroomLiveFocusImports ??= new WeakMap());

function registry(db: Executor): Set<number> {
  const client = (db as unknown as { $client?: object }).$client ?? db;
  let set = live.get(client);
  if (!set) live.set(client, (set = new Set()));
  return set;
}

export function markLive(db: Db, importId: number): () => void {
  const set = registry(db);
  set.add(importId);
  return () => set.delete(importId);
}

export async function holdImportLock(tx: Executor, importId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${importId}::int)`);
}

/** Marks FOCUS imports that are "running" but no longer alive as failed; returns how many. */
export async function failInterruptedImports(db: Db): Promise<number> {
  const errors = JSON.stringify([{ line: 0, message: MESSAGE }]);
  if (engineClient(db).engine === "pglite") {
    const mine = [...registry(db)];
    // A PGlite import fills its table outside its transaction: one a stopped process left behind goes too.
    await dropOrphanPartitions(db, mine);
    const result = await db.execute(
      sql`update imports set status = 'failed', finished_at = now(), errors = ${errors}::jsonb
          where kind = 'focus' and status = 'running' and not (id = any(${`{${mine.join(",")}}`}::bigint[]))`,
    );
    return affected(result);
  }
  // Lock first, then update: Citus refuses a volatile function (the lock) in the WHERE of an UPDATE on a table.
  return db.transaction(async (tx) => {
    const stale = await queryRows<{ id: string }>(
      tx,
      sql`select id::text as id from imports where kind = 'focus' and status = 'running' and created_at < now() - ${GRACE}::interval`,
    );
    if (stale.length === 0) return 0;
    const ids = `{${stale.map((r) => r.id).join(",")}}`;
    const dead = await queryRows<{ id: string }>(
      tx,
      sql`select id::text as id from unnest(${ids}::bigint[]) id where pg_try_advisory_xact_lock(${LOCK_SPACE}, id::int)`,
    );
    if (dead.length === 0) return 0;
    const result = await tx.execute(
      sql`update imports set status = 'failed', finished_at = now(), errors = ${errors}::jsonb
          where status = 'running' and id = any(${`{${dead.map((r) => r.id).join(",")}}`}::bigint[])`,
    );
    return affected(result);
  });
}

function affected(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
