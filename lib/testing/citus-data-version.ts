import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * Test databases on Citus only, in place of lib/testing/version-triggers.ts (Citus runs a trigger on a distributed
 * table's shards, away from the coordinator): data_version becomes a view on the coordinator whose version is the
 * coordinator's next transaction id. Every write through the coordinator that touches a reference or local table
 * (the registers, the audit log every app write adds) or spans shards (two-phase commit) takes one, so a fixture's
 * write moves it too; a cached page is then recomputed more often, never served stale. It used to sum every node's
 * ids (run_command_on_all_nodes): ~100 ms and three new connections per read, against ~1.5 ms now.
 */
export async function installCitusDataVersion(db: Db): Promise<void> {
  await db.execute(sql`drop table data_version`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local citus.enable_ddl_propagation = off`);
    await tx.execute(
      sql.raw(`create view data_version as select 1::smallint as id,
        pg_snapshot_xmax(pg_current_snapshot())::text::bigint as version`),
    );
    // A rule: the app's bump (an UPDATE of the view, which Citus would otherwise send to the workers) does nothing;
    // the write it comes with moves the coordinator's transaction ids.
    await tx.execute(sql.raw(`create rule test_data_version_bump as on update to data_version do instead nothing`));
  });
}
