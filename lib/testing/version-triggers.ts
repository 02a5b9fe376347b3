import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Test databases only: fixtures write rows directly, past the verbs that bump data_version, so every table gets a
 * statement trigger that marks its transaction as writing (one marker row), and the marker's deferred trigger bumps
 * data_version at commit. The page cache then never serves a suite a figure from before its own fixtures. Suites
 * that check the app's own bumps (lib/cache, the permission matrix) open their database without these.
 */
export async function installVersionTriggers(db: Db): Promise<void> {
  await db.execute(sql.raw(`create table test_write_marker (at timestamptz not null default now())`));
  await db.execute(
    sql.raw(`
    create function test_mark_write() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('headroom.test_marked', true), '') = '' then
        perform set_config('headroom.test_marked', 'yes', true);
        insert into test_write_marker default values;
      end if;
      return null;
    end $$`),
  );
  await db.execute(
    sql.raw(`
    create function test_bump_data_version() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      return null;
    end $$`),
  );
  await db.execute(
    sql.raw(`
    create constraint trigger test_bump_data_version after insert on test_write_marker
    deferrable initially deferred for each row execute function test_bump_data_version()`),
  );
  await db.execute(
    sql.raw(`
    do $$
    declare t record;
    begin
      for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                 and c.relname not in ('data_version', 'test_write_marker')
      loop
        execute format('create trigger test_mark_write after insert or update or delete or truncate on %I
                        for each statement execute function test_mark_write()', t.relname);
      end loop;
    end $$`),
  );
}
