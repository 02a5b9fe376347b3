import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/lib/db/rows";
import type { DbHandle } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { importRow } from "@/lib/testing/focus-import";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { failInterruptedImports, holdImportLock, markLive } from "./interrupted";
import { createPartitionTable, dropPartitionTable, partitionName } from "./partition";

describeOnEachEngine("a FOCUS import left running by a killed process", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const running = async () => {
    const [row] = await handle.db
      .insert(imports)
      .values({
        kind: "focus",
        fileName: "killed.csv",
        sha256: "0".repeat(64),
        status: "running",
        createdAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning({ id: imports.id });
    return row!.id;
  };

  it("is marked failed as interrupted", async () => {
    const dead = await running();
    expect(await failInterruptedImports(handle.db)).toBe(1);
    const row = await importRow(handle.db, dead);
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.errors![0]!.message).toMatch(/interrupted/);
  });

  it("leaves an import that is still loading alone", async () => {
    const live = await running();
    if (engine === "pglite") {
      const unmark = markLive(handle.db, live);
      expect(await failInterruptedImports(handle.db)).toBe(0);
      unmark();
    } else {
      await handle.db.transaction(async (tx) => {
        await holdImportLock(tx, live);
        expect(await failInterruptedImports(handle.db)).toBe(0);
      });
    }
    expect(await importRow(handle.db, live)).toMatchObject({ status: "running" });
    expect(await failInterruptedImports(handle.db)).toBe(1);
  });

  // Only PGlite fills an import's table outside the load's transaction (on the server a lost connection takes it).
  if (engine === "pglite")
    it("drops the unattached table an interrupted PGlite import left, and keeps a live import's", async () => {
      const dead = await running();
      const live = await running();
      await createPartitionTable(handle.db, dead);
      await createPartitionTable(handle.db, live);
      const unmark = markLive(handle.db, live);
      try {
        expect(await failInterruptedImports(handle.db)).toBe(1);
      } finally {
        unmark();
      }
      const tables = await queryRows<{ name: string }>(
        handle.db,
        sql`select relname as name from pg_class where relname in (${partitionName(dead)}, ${partitionName(live)})`,
      );
      expect(tables).toEqual([{ name: partitionName(live) }]);
      await dropPartitionTable(handle.db, live);
    });
});
