import { sql } from "drizzle-orm";
import type { Executor } from "./client";
import { queryRows } from "./rows";

const known = new WeakMap<object, Promise<boolean>>();

/** True when the database is a Citus coordinator (the citus extension is installed in it); asked once per handle. */
export function isCitus(db: Executor): Promise<boolean> {
  let answer = known.get(db);
  if (!answer) {
    answer = queryRows(db, sql`select 1 from pg_extension where extname = 'citus'`).then((rows) => rows.length > 0);
    answer.catch(() => known.delete(db));
    known.set(db, answer);
  }
  return answer;
}
