import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Test databases only: fixtures write rows directly, past the verbs that bump data_version, so every table gets a
 * deferred trigger that bumps it once per committing transaction. The page cache then never serves a suite a figure
 * from before its own fixtures. Suites that check the app's own bumps (lib/cache) open their database without them.
 */
export async function installVersionTriggers(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`
    create function test_bump_data_version() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('headroom.test_bumped', true), '') = '' then
        perform set_config('headroom.test_bumped', 'yes', true);
        update data_version set version = version + 1 where id = 1;
      end if;
      return null;
    end $$`),
  );
  await db.execute(
    sql.raw(`
    do $$
    declare t record;
    begin
      for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'data_version'
      loop
        execute format('create constraint trigger test_bump_data_version after insert or update or delete on %I
                        deferrable initially deferred for each row execute function test_bump_data_version()', t.relname);
      end loop;
    end $$`),
  );
}
