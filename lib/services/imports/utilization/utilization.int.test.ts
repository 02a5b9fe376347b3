import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { imports } from "@/lib/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importUtilizationCsv } from "./import";
import { ingestUtilization } from "./ingest";

async function* chunks(text: string, size = 17) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

// The rollups must equal a direct aggregate over the raw hours, for every key.
async function rollupsMatchHours(db: Db) {
  const q = (query: ReturnType<typeof sql>) => queryRows<{ r: string; k: string; u: string; n: number }>(db, query);
  const [dailyFromHours, daily, monthlyFromHours, monthly] = await Promise.all([
    q(
      sql`select reservation_id::text r, ((hour at time zone 'UTC')::date)::text k, sum(used_ah)::text u, count(*)::int n from utilization_hourly group by 1, 2 order by 1, 2`,
    ),
    q(sql`select reservation_id::text r, day::text k, used_ah::text u, hours_reported n from utilization_daily order by 1, 2`),
    q(
      sql`select reservation_id::text r, (date_trunc('month', hour at time zone 'UTC')::date)::text k, sum(used_ah)::text u, count(*)::int n from utilization_hourly group by 1, 2 order by 1, 2`,
    ),
    q(sql`select reservation_id::text r, month::text k, used_ah::text u, hours_reported n from utilization_monthly order by 1, 2`),
  ]);
  expect(daily).toEqual(dailyFromHours);
  expect(monthly).toEqual(monthlyFromHours);
  return { daily, monthly };
}

async function hoursOf(db: Db, reservationId: string) {
  return queryRows<{ hour: string; used: string }>(
    db,
    sql`select to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24') as hour, used_ah::text as used from utilization_hourly where reservation_id = ${reservationId} order by hour`,
  );
}

async function importCount(db: Db) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from imports where kind = 'utilization'`);
  return Number(row!.n);
}

describeOnEachEngine("utilization feeds", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let blockA: Awaited<ReturnType<typeof insertReservationRow>>;
  let blockB: Awaited<ReturnType<typeof insertReservationRow>>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    blockA = await insertReservationRow(handle.db, catalog, { name: uniq("train"), quantity: 8 });
    blockB = await insertReservationRow(handle.db, catalog, { name: uniq("serve"), quantity: 16, capacityReservationId: uniq("cr") });
  });
  afterAll(() => handle.close());

  it("loads a CSV (BOM, CRLF, header in any case), by reservation name or capacity reservation id, and rolls up days and months", async () => {
    const db = handle.db;
    const csv =
      "\uFEFFReservation,HOUR,Used_AH,cluster\r\n" +
      `${blockA.name},2026-03-01T00:00:00Z,7.5,c1\r\n` +
      `${blockA.name},2026-03-01T01:00:00Z,8,c1\r\n` +
      `${blockA.name},2026-03-31T23:00:00Z,6.25,c1\r\n` +
      `${blockA.name},2026-04-01T00:00:00Z,4,c1\r\n` +
      `${blockB.capacityReservationId},2026-03-01 00:00:00,16,c2\r\n`;
    const progress: number[] = [];
    const result = await importUtilizationCsv({
      ctx: roleCtx(db, "infra"),
      source: chunks(csv),
      fileName: "march.csv",
      onProgress: (p) => progress.push(p.rows),
    });
    expect(result).toMatchObject({ status: "succeeded", rows: 5, errors: [], summary: { reservations: 2, hours: 5, usedAh: "41.7500" } });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(5);
    expect(await hoursOf(db, blockA.id)).toEqual([
      { hour: "2026-03-01T00", used: "7.5000" },
      { hour: "2026-03-01T01", used: "8.0000" },
      { hour: "2026-03-31T23", used: "6.2500" },
      { hour: "2026-04-01T00", used: "4.0000" },
    ]);
    const { daily, monthly } = await rollupsMatchHours(db);
    expect(daily.filter((d) => d.r === blockA.id).map((d) => [d.k, d.u, d.n])).toEqual([
      ["2026-03-01", "15.5000", 2],
      ["2026-03-31", "6.2500", 1],
      ["2026-04-01", "4.0000", 1],
    ]);
    expect(monthly.filter((d) => d.r === blockA.id).map((d) => [d.k, d.u, d.n])).toEqual([
      ["2026-03-01", "21.7500", 3],
      ["2026-04-01", "4.0000", 1],
    ]);
    const [row] = await db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(row).toMatchObject({ kind: "utilization", status: "succeeded", rows: 5, fileName: "march.csv", sha256: result.sha256 });
  });

  it("recognises the same file twice as a duplicate and changes nothing", async () => {
    const db = handle.db;
    const csv = `reservation,hour,used_ah\n${blockA.name},2026-03-02T00:00:00Z,3\n`;
    const first = await importUtilizationCsv({ ctx: roleCtx(db, "infra"), source: chunks(csv), fileName: "a.csv" });
    const before = await rollupsMatchHours(db);
    const count = await importCount(db);
    const second = await importUtilizationCsv({ ctx: roleCtx(db, "admin"), source: chunks(csv), fileName: "a-again.csv" });
    expect(second).toMatchObject({ status: "duplicate", importId: first.importId, rows: 1, summary: null });
    expect(await importCount(db)).toBe(count);
    expect(await rollupsMatchHours(db)).toEqual(before);
  });

  it("upserts per reservation and hour: the same rows again give the same rollups, changed rows replace the hour", async () => {
    const db = handle.db;
    const rows = [
      { reservation: blockB.name, hour: "2026-05-10T10:00:00Z", used_ah: 12 },
      { reservation: blockB.name, hour: "2026-05-10T11:00:00Z", used_ah: "13.5" },
    ];
    const first = await ingestUtilization({ ctx: roleCtx(db, "infra"), rows: { rows } });
    expect(first).toMatchObject({ status: "succeeded", rows: 2, summary: { reservations: 1, hours: 2, usedAh: "25.5000" } });
    const once = await rollupsMatchHours(db);
    const again = await ingestUtilization({ ctx: roleCtx(db, "infra"), rows });
    expect(again.status).toBe("duplicate");
    expect(await rollupsMatchHours(db)).toEqual(once);

    const changed = await ingestUtilization({
      ctx: roleCtx(db, "infra"),
      rows: [
        { Reservation: blockB.name, Hour: "2026-05-10T11:00:00Z", USED_AH: "2" },
        { reservation: blockB.name, hour: "2026-05-10T12:00:00Z", used_ah: "1" },
      ],
    });
    expect(changed.status).toBe("succeeded");
    expect((await hoursOf(db, blockB.id)).filter((h) => h.hour.startsWith("2026-05-10"))).toEqual([
      { hour: "2026-05-10T10", used: "12.0000" },
      { hour: "2026-05-10T11", used: "2.0000" },
      { hour: "2026-05-10T12", used: "1.0000" },
    ]);
    const { daily } = await rollupsMatchHours(db);
    expect(daily.find((d) => d.r === blockB.id && d.k === "2026-05-10")).toMatchObject({ u: "15.0000", n: 3 });
  });

  it("loads nothing from a file with one bad row at the end and reports it by line and column", async () => {
    const db = handle.db;
    const good = Array.from(
      { length: 6_000 },
      (_, i) => `${i % 2 ? blockA.name : blockB.name},${new Date(Date.UTC(2026, 1, 1) + Math.floor(i / 2) * 3_600_000).toISOString()},1`,
    );
    const csv = `reservation,hour,used_ah\n${good.join("\n")}\n${blockA.name},2026-07-01T00:00:00Z,9\n`;
    const hoursBefore = await hoursOf(db, blockA.id);
    const count = await importCount(db);
    const result = await importUtilizationCsv({ ctx: roleCtx(db, "infra"), source: chunks(csv, 65_536), fileName: "bad.csv" });
    expect(result).toMatchObject({ status: "failed", rows: 6_001, summary: null });
    expect(result.errors).toEqual([
      { line: 6_002, column: "used_ah", message: `9 accelerator-hours is more than reservation ${blockA.name} has in an hour (8).` },
    ]);
    expect(await hoursOf(db, blockA.id)).toEqual(hoursBefore);
    expect(await importCount(db)).toBe(count + 1);
    const [failed] = await db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(failed).toMatchObject({ status: "failed", rows: 0, errors: result.errors });
    await rollupsMatchHours(db);
  });

  it("reports unknown reservations, hours outside the term, repeated hours, non-whole hours and a bad header", async () => {
    const db = handle.db;
    const csv = [
      "reservation,hour,used_ah",
      `nope,2026-03-01T00:00:00Z,1`,
      `${blockA.name},2026-09-01T00:00:00Z,1`,
      `${blockA.name},2026-03-05T00:00:00Z,1`,
      `${blockA.name},2026-03-05T00:00:00Z,2`,
      `${blockA.name},2026-03-05T00:30:00Z,2`,
    ].join("\n");
    const result = await importUtilizationCsv({ ctx: roleCtx(db, "infra"), source: chunks(csv), fileName: "mixed.csv" });
    expect(result.status).toBe("failed");
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "reservation"],
      [3, "hour"],
      [5, "hour"],
      [6, "hour"],
    ]);
    expect(result.errors[1]!.message).toContain("outside the term");
    expect(result.errors[2]!.message).toContain("line 4");
    const header = await importUtilizationCsv({
      ctx: roleCtx(db, "infra"),
      source: chunks("block,hour,used\nx,2026-03-01T00:00:00Z,1\n"),
      fileName: "h.csv",
    });
    expect(header.errors).toEqual([
      { line: 1, message: "The header must name the columns reservation, hour and used_ah; missing: reservation, used_ah." },
    ]);
  });

  it("refuses a caller without utilization.import and changes nothing", async () => {
    const db = handle.db;
    const count = await importCount(db);
    const csv = `reservation,hour,used_ah\n${blockA.name},2026-03-03T00:00:00Z,1\n`;
    for (const role of ["finance", "viewer"] as const) {
      await expect(importUtilizationCsv({ ctx: roleCtx(db, role), source: chunks(csv), fileName: "x.csv" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        ingestUtilization({ ctx: roleCtx(db, role), rows: [{ reservation: blockA.name, hour: "2026-03-03T00:00:00Z", used_ah: 1 }] }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await importCount(db)).toBe(count);
    expect((await hoursOf(db, blockA.id)).some((h) => h.hour === "2026-03-03T00")).toBe(false);
  });

  it("refuses a JSON body without rows or with too many", async () => {
    const ctx = roleCtx(handle.db, "infra");
    await expect(ingestUtilization({ ctx, rows: { data: [] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(ingestUtilization({ ctx, rows: [] })).rejects.toBeInstanceOf(ValidationError);
    const many = Array.from({ length: 50_001 }, () => ({ reservation: "x", hour: "2026-03-01T00:00:00Z", used_ah: 1 }));
    await expect(ingestUtilization({ ctx, rows: many })).rejects.toThrow(/At most 50,000 rows/);
  });
});
