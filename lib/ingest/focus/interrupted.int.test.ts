import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { importRow } from "@/lib/testing/focus-import";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { failInterruptedImports, holdImportLock, markLive } from "./interrupted";

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
});
