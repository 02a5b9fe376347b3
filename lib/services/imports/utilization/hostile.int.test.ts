import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { insertCatalog, insertReservationRow, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importUtilizationCsv } from "./import";

// Utilization CSVs a hostile or broken client sends: every one is refused with its line, loads nothing and
// leaves the import recorded as failed, without the database's or the driver's own words.

async function hourCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from utilization_hourly`);
  return Number(row!.n);
}

async function lastImport(db: Db) {
  const [row] = await queryRows<{ status: string; errors: unknown }>(
    db,
    sql`select status, errors from imports where kind = 'utilization' order by id desc limit 1`,
  );
  return row;
}

// Citus refuses triggers on distributed tables unless told it is safe (a placeholder setting elsewhere).
async function withTriggers(db: Db, ddl: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local citus.enable_unsafe_triggers = on`);
    await tx.execute(sql.raw(ddl));
  });
}

describeOnEachEngine("utilization CSV from a hostile client", (engine) => {
  let handle: DbHandle;
  let block: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    block = (await insertReservationRow(handle.db, await insertCatalog(handle.db), { name: uniq("train"), quantity: 8 })).name;
  });
  afterAll(() => handle.close());
  afterEach(() => vi.restoreAllMocks());

  const run = (source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, signal?: AbortSignal) =>
    importUtilizationCsv({ ctx: roleCtx(handle.db, "infra"), source: source as AsyncIterable<Uint8Array>, fileName: "u.csv", signal });

  it("refuses a record with 10,000 fields under a 3-column header at its line", async () => {
    const wide = `${block},2026-03-01T00:00:00Z,1${",x".repeat(9_997)}`;
    const csv = `reservation,hour,used_ah\n${block},2026-03-01T01:00:00Z,1\n${wide}\n`;
    const result = await run([Buffer.from(csv)]);
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([{ line: 3, message: "The row has 10000 fields; the header has 3." }]);
    expect(await hourCount(handle.db)).toBe(0);
  });

  it("refuses a record without an end (no line break) once it passes 1 MiB, having read little more", async () => {
    let pulled = 0;
    function* endless() {
      yield Buffer.from(`reservation,hour,used_ah\n${block},2026-03-01T01:00:00Z,1\n${block},`);
      for (; pulled < 800; pulled++) yield Buffer.alloc(64 * 1024, "9"); // 50 MB, one record
    }
    const result = await run(endless());
    expect(result.status).toBe("failed");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/longer than 1,048,576 characters/) });
    expect(pulled).toBeLessThanOrEqual(17);
    expect(await hourCount(handle.db)).toBe(0);
  });

  it("stops and rolls back when the client aborts, and records the import as failed", async () => {
    const controller = new AbortController();
    async function* stalling() {
      yield Buffer.from(`reservation,hour,used_ah\n${block},2026-03-01T01:00:00Z,1\n`);
      controller.abort();
      await new Promise(() => {}); // the rest never comes
    }
    const result = await run(stalling(), controller.signal);
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([{ line: 0, message: expect.stringMatching(/aborted/) }]);
    expect(await hourCount(handle.db)).toBe(0);
    expect(await lastImport(handle.db)).toMatchObject({ status: "failed" });
  });

  it("shows a database failure as a message with a reference, the database's words only in the log", async () => {
    const raw = "could not write block 7 of relation base/16384/2619";
    await handle.db.execute(
      sql.raw(`create function refuse_hours() returns trigger language plpgsql as $$
        begin raise exception '${raw}' using errcode = 'XX000'; end $$`),
    );
    await withTriggers(
      handle.db,
      "create trigger refuse_hours before insert on utilization_hourly for each row execute function refuse_hours()",
    );
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await run([Buffer.from(`reservation,hour,used_ah\n${block},2026-03-01T02:00:00Z,1\n`)]);
      expect(result.status).toBe("failed");
      expect(result.errors).toEqual([
        { line: 0, message: expect.stringMatching(/^The database refused the file; nothing was loaded\. \(ref [0-9a-f]{8}\)$/) },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/relation|utilization_hourly|Failed query/);
      const ref = /ref ([0-9a-f]{8})/.exec(result.errors[0]!.message)![1]!;
      expect(JSON.stringify(log.mock.calls.flat().map(String))).toContain(ref);
      expect(await lastImport(handle.db)).toMatchObject({ status: "failed", errors: result.errors });
      expect(await hourCount(handle.db)).toBe(0);
    } finally {
      await withTriggers(handle.db, "drop trigger refuse_hours on utilization_hourly");
    }
  });
});
