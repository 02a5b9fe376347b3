import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Test databases on Citus only, in place of lib/testing/version-triggers.ts (Citus runs a trigger on a distributed
 * table's shards, away from the coordinator): data_version becomes a view whose version is the sum of every node's
 * next transaction id, so any write a fixture makes anywhere in the cluster moves it (other writes too: a cached page
 * is then recomputed more often, never served stale). The app's bump is rewritten to nothing.
 */
export async function installCitusDataVersion(db: Db): Promise<void> {
  await db.execute(sql`drop table data_version`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local citus.enable_ddl_propagation = off`);
    await tx.execute(
      sql.raw(`create view data_version as select 1::smallint as id, (select sum(result::bigint)
        from run_command_on_all_nodes($$select pg_snapshot_xmax(pg_current_snapshot())::text$$))::bigint as version`),
    );
    // A rule, not an INSTEAD OF trigger: the app's bump (an UPDATE) is rewritten to nothing, so the view (a call to
    // every node) is never evaluated for it; a trigger would compute the old row, ~100 ms per audited write.
    await tx.execute(sql.raw(`create rule test_data_version_bump as on update to data_version do instead nothing`));
  });
}
