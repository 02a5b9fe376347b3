import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Test databases on Citus only, in place of lib/testing/version-triggers.ts (Citus runs a trigger on a distributed
 * table's shards, away from the coordinator): data_version becomes a view whose version is the sum of every node's
 * next transaction id, so any write a fixture makes anywhere in the cluster moves it (other writes too: a cached page
 * is then recomputed more often, never served stale). The app's bump is a no-op on it.
 */
export async function installCitusDataVersion(db: Db): Promise<void> {
  await db.execute(sql`drop table data_version`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local citus.enable_ddl_propagation = off`);
    await tx.execute(
      sql.raw(`create view data_version as select 1::smallint as id, (select sum(result::bigint)
        from run_command_on_all_nodes($$select pg_snapshot_xmax(pg_current_snapshot())::text$$))::bigint as version`),
    );
    await tx.execute(sql.raw(`create function test_data_version_bump() returns trigger language plpgsql as $$ begin return new; end $$`));
    await tx.execute(
      sql.raw(
        `create trigger test_data_version_bump instead of update on data_version for each row execute function test_data_version_bump()`,
      ),
    );
  });
}
