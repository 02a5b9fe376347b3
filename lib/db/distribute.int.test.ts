import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isCitus } from "@/lib/db/citus";
import type { DbHandle } from "@/lib/db/client";
import { DISTRIBUTED_TABLES, REFERENCE_TABLES, SHARD_COUNT } from "@/lib/db/distribute";
import { migrateDatabase } from "@/lib/db/migrate";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";

type Placement = { name: string; kind: string; column: string | null; colocation: number; shards: number };

async function placements(handle: DbHandle): Promise<Placement[]> {
  return queryRows<Placement>(
    handle.db,
    sql`select t.table_name::text as name, t.citus_table_type as kind, t.distribution_column as column,
          t.colocation_id::int as colocation, t.shard_count::int as shards
        from citus_tables t order by 1`,
  );
}

describeOnEachEngine("the schema on a Citus coordinator", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, { versionTriggers: false });
  });
  afterAll(() => handle.close());

  it("knows whether it is on Citus", async () => {
    expect(await isCitus(handle.db)).toBe(engine === "citus");
  });

  it("names every table of the schema a reference table or a distributed one (a new table needs a decision)", async () => {
    const tables = await queryRows<{ name: string }>(
      handle.db,
      sql`select c.relname::text as name from pg_class c
          where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    const named = [...REFERENCE_TABLES, ...DISTRIBUTED_TABLES.map((d) => d.table)];
    expect(tables.map((t) => t.name).sort()).toEqual(named.sort());
  });

  // Only a coordinator has placements to check.
  if (engine === "citus") {
    it("makes every table a reference table or a distributed one, the utilization tables co-located", async () => {
      const placed = new Map((await placements(handle)).map((p) => [p.name, p]));
      for (const name of REFERENCE_TABLES) expect(placed.get(name)?.kind, name).toBe("reference");
      for (const { table, column } of DISTRIBUTED_TABLES) {
        expect(placed.get(table), table).toMatchObject({ kind: "distributed", column, shards: SHARD_COUNT });
      }
      const utilization = ["utilization_hourly", "utilization_daily", "utilization_monthly"].map((t) => placed.get(t)!.colocation);
      expect(new Set(utilization).size).toBe(1);
    });

    it("keeps every primary key and unique index of a distributed table on its distribution column", async () => {
      const uniques = await queryRows<{ table: string; index: string; has: boolean }>(
        handle.db,
        sql`select p.logicalrelid::regclass::text as table, i.indexrelid::regclass::text as index,
              (select a.attnum from pg_attribute a where a.attrelid = p.logicalrelid and a.attname = column_to_column_name(p.logicalrelid, p.partkey))
                = any(i.indkey::int2[]) as has
            from pg_dist_partition p join pg_index i on i.indrelid = p.logicalrelid
            where p.partmethod = 'h' and i.indisunique`,
      );
      expect(uniques.length).toBeGreaterThan(0);
      expect(uniques.filter((u) => !u.has)).toEqual([]);
    });
  }

  it("runs the migrations and the distribution step again without changing anything", async () => {
    const before = engine === "citus" ? await placements(handle) : [];
    await migrateDatabase(handle);
    expect(engine === "citus" ? await placements(handle) : []).toEqual(before);
  });
});
