import { sql } from "drizzle-orm";
import { serverUrlOf, type Db, type Tx } from "@/lib/db/client";

/** The advisory lock key the evaluators of one database take around their state change ("alerts" as an int8). */
const ALERTS_LOCK = 0x616c65727473n;

const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs `work` in a transaction that no other evaluator of the database runs beside: on a Postgres server (or Citus
 * coordinator) under a transaction-scoped advisory lock, so two app instances take turns; on PGlite, which only one
 * process opens, under a mutex per database handle.
 */
export async function withEvaluatorLock<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (serverUrlOf(db) !== null) {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ALERTS_LOCK.toString()}::bigint)`);
      return work(tx);
    });
  }
  const before = queues.get(db) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(() => db.transaction(work));
  queues.set(
    db,
    mine.catch(() => undefined),
  );
  return mine;
}
