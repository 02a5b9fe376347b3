import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { teams, workloads } from "@/lib/db/schema";
import { insertCatalog, insertReservationRow, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importUtilizationCsv } from "./import";
import { ingestUtilization } from "./ingest";

// The feed's optional workload column: an hour reported per workload is one row per workload; the block's hour is their
// Σ (utilization_hourly, what every page reads) and each workload's use is summed per day into utilization_workload_daily.

async function* text(s: string) {
  yield Buffer.from(s);
}

async function hours(db: Db, reservationId: string) {
  return queryRows<{ hour: string; used: string }>(
    db,
    sql`select to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24') as hour, used_ah::text as used
        from utilization_hourly where reservation_id = ${reservationId} order by hour`,
  );
}

async function workloadDays(db: Db, reservationId: string) {
  return queryRows<{ workload: string; day: string; used: string }>(
    db,
    sql`select w.name as workload, u.day::text as day, u.used_ah::text as used
        from utilization_workload_daily u join workloads w on w.id = u.workload_id
        where u.reservation_id = ${reservationId} order by u.day, w.name`,
  );
}

async function daily(db: Db, reservationId: string) {
  return queryRows<{ day: string; used: string; n: number }>(
    db,
    sql`select day::text as day, used_ah::text as used, hours_reported as n from utilization_daily where reservation_id = ${reservationId} order by day`,
  );
}

describeOnEachEngine("utilization feed with a workload column", (engine) => {
  let handle: DbHandle;
  let block: { id: string; name: string };
  const w = { train: "", serve: "", old: "", oldName: "" };
  const load = (csv: string) => importUtilizationCsv({ ctx: roleCtx(handle.db, "infra"), source: text(csv), fileName: "u.csv" });

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const catalog = await insertCatalog(handle.db);
    // 8 accelerators over [1 Feb 2026, 1 Aug 2026).
    block = await insertReservationRow(handle.db, catalog, { name: uniq("shared"), quantity: 8 });
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Team") })
      .returning();
    const add = async (name: string, archivedAt: Date | null = null) => {
      const [row] = await handle.db
        .insert(workloads)
        .values({ name, kind: "training", teamId: team!.id, activeFrom: "2026-01-01", archivedAt })
        .returning();
      return row!.id;
    };
    w.train = await add("Pre-training");
    w.serve = await add("Chat serving");
    w.oldName = uniq("Retired");
    w.old = await add(w.oldName, new Date());
  });
  afterAll(() => handle.close());

  it("sums an hour's workload rows into the block's hour and each workload's rows into its day", async () => {
    const db = handle.db;
    const csv = [
      "reservation,hour,used_ah,workload",
      `${block.name},2026-03-01T00:00:00Z,3.5,pre-TRAINING`, // a name, case-insensitive
      `${block.name},2026-03-01T00:00:00Z,2,${w.serve}`, // an id
      `${block.name},2026-03-01T01:00:00Z,4,Pre-training`,
      `${block.name},2026-03-01T01:00:00Z,0,Chat serving`,
      `${block.name},2026-03-01T02:00:00Z,7,`, // no workload: the hour as before
      `${block.name},2026-03-02T00:00:00Z,1.25,Chat serving`,
    ].join("\n");
    const result = await load(csv);
    expect(result).toMatchObject({ status: "succeeded", rows: 6, errors: [], summary: { reservations: 1, hours: 4, usedAh: "17.7500" } });
    expect(await hours(db, block.id)).toEqual([
      { hour: "2026-03-01T00", used: "5.5000" },
      { hour: "2026-03-01T01", used: "4.0000" },
      { hour: "2026-03-01T02", used: "7.0000" },
      { hour: "2026-03-02T00", used: "1.2500" },
    ]);
    expect(await daily(db, block.id)).toEqual([
      { day: "2026-03-01", used: "16.5000", n: 3 },
      { day: "2026-03-02", used: "1.2500", n: 1 },
    ]);
    // Σ per workload ≤ the block's day: 7.5 + 2 = 9.5 of 16.5 on 1 March (the 02:00 hour carried no workload).
    expect(await workloadDays(db, block.id)).toEqual([
      { workload: "Chat serving", day: "2026-03-01", used: "2.0000" },
      { workload: "Pre-training", day: "2026-03-01", used: "7.5000" },
      { workload: "Chat serving", day: "2026-03-02", used: "1.2500" },
    ]);
  });

  it("adds new hours of a day to its workloads, and replaces a day re-sent whole", async () => {
    const db = handle.db;
    // A new hour of 1 March, pushed as JSON: added to the day's workloads.
    const pushed = await ingestUtilization({
      ctx: roleCtx(db, "infra"),
      rows: [
        { reservation: block.name, hour: "2026-03-01T03:00:00Z", used_ah: 1, Workload: "Pre-training" },
        { reservation: block.name, hour: "2026-03-01T03:00:00Z", used_ah: 2, workload: "Chat serving" },
      ],
    });
    expect(pushed).toMatchObject({ status: "succeeded", summary: { hours: 1, usedAh: "3.0000" } });
    expect((await workloadDays(db, block.id)).filter((r) => r.day === "2026-03-01")).toEqual([
      { workload: "Chat serving", day: "2026-03-01", used: "4.0000" },
      { workload: "Pre-training", day: "2026-03-01", used: "8.5000" },
    ]);
    // Every hour of 1 March again (the 02:00 hour now split, 01:00 without a workload): the day is recomputed.
    const whole = await load(
      [
        "reservation,hour,used_ah,workload",
        `${block.name},2026-03-01T00:00:00Z,1,Pre-training`,
        `${block.name},2026-03-01T01:00:00Z,6,`,
        `${block.name},2026-03-01T02:00:00Z,2,Pre-training`,
        `${block.name},2026-03-01T02:00:00Z,5,Chat serving`,
        `${block.name},2026-03-01T03:00:00Z,0.5,Chat serving`,
      ].join("\n"),
    );
    expect(whole.status).toBe("succeeded");
    expect((await hours(db, block.id)).filter((h) => h.hour.startsWith("2026-03-01"))).toEqual([
      { hour: "2026-03-01T00", used: "1.0000" },
      { hour: "2026-03-01T01", used: "6.0000" },
      { hour: "2026-03-01T02", used: "7.0000" },
      { hour: "2026-03-01T03", used: "0.5000" },
    ]);
    expect((await workloadDays(db, block.id)).filter((r) => r.day === "2026-03-01")).toEqual([
      { workload: "Chat serving", day: "2026-03-01", used: "5.5000" },
      { workload: "Pre-training", day: "2026-03-01", used: "3.0000" },
    ]);
    expect((await daily(db, block.id))[0]).toEqual({ day: "2026-03-01", used: "14.5000", n: 4 });
  });

  it("replaces a re-sent hour of a day without use per workload, and refuses one it cannot replace exactly", async () => {
    const db = handle.db;
    expect(
      (await load(`reservation,hour,used_ah\n${block.name},2026-03-05T00:00:00Z,4\n${block.name},2026-03-05T01:00:00Z,4\n`)).status,
    ).toBe("succeeded");
    // 00:00 of 5 March had no workloads: re-sent per workload, the day's workloads are exact (01:00 carries none).
    const split = await load(`reservation,hour,used_ah,workload\n${block.name},2026-03-05T00:00:00Z,3,Pre-training\n`);
    expect(split.status).toBe("succeeded");
    expect((await workloadDays(db, block.id)).filter((r) => r.day === "2026-03-05")).toEqual([
      { workload: "Pre-training", day: "2026-03-05", used: "3.0000" },
    ]);
    // 00:00 again, alone: its earlier 3 AH per workload is not kept by hour, so the day would be inexact — refused.
    const before = { hours: await hours(db, block.id), days: await workloadDays(db, block.id) };
    const again = await load(`reservation,hour,used_ah,workload\n${block.name},2026-03-05T00:00:00Z,1,Chat serving\n`);
    expect(again.status).toBe("failed");
    expect(again.errors).toEqual([
      {
        line: 2,
        column: "hour",
        message: `Reservation ${block.name} already has use per workload on 2026-03-05, kept by day: re-sending hours of that day replaces them exactly only with every hour of the day already loaded, and this load leaves out 1 (from 2026-03-05T01:00:00Z). Send the whole day again.`,
      },
    ]);
    expect({ hours: await hours(db, block.id), days: await workloadDays(db, block.id) }).toEqual(before);
  });

  it("fails on an unknown or archived workload, naming the line, and loads nothing", async () => {
    const db = handle.db;
    const before = { hours: await hours(db, block.id), days: await workloadDays(db, block.id) };
    const result = await load(
      [
        "reservation,hour,used_ah,workload",
        `${block.name},2026-04-01T00:00:00Z,1,Pre-training`,
        `${block.name},2026-04-01T00:00:00Z,1,Nobody`,
        `${block.name},2026-04-01T01:00:00Z,1,${w.oldName}`,
        `${block.name},2026-04-01T02:00:00Z,1,${w.old}`,
      ].join("\n"),
    );
    expect(result).toMatchObject({ status: "failed", summary: null });
    expect(result.errors).toEqual([
      { line: 3, column: "workload", message: 'No workload has the name or id "Nobody".' },
      {
        line: 4,
        column: "workload",
        message: `The workload "${w.oldName}" is archived; usage can be reported only for active workloads.`,
      },
      { line: 5, column: "workload", message: `The workload "${w.old}" is archived; usage can be reported only for active workloads.` },
    ]);
    expect({ hours: await hours(db, block.id), days: await workloadDays(db, block.id) }).toEqual(before);
  });

  it("refuses an hour twice for a workload, an hour both with and without workloads, and workloads over the block", async () => {
    const h = "2026-04-02T00:00:00Z";
    const result = await load(
      [
        "reservation,hour,used_ah,workload",
        `${block.name},${h},1,Pre-training`,
        `${block.name},${h},1,pre-training`,
        `${block.name},2026-04-02T01:00:00Z,1,`,
        `${block.name},2026-04-02T01:00:00Z,1,Chat serving`,
        `${block.name},2026-04-02T02:00:00Z,5,Pre-training`,
        `${block.name},2026-04-02T02:00:00Z,3.5,Chat serving`,
      ].join("\n"),
    );
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([
      { line: 3, column: "workload", message: "The same reservation, hour and workload as line 2; send each workload's hour once." },
      {
        line: 5,
        column: "workload",
        message:
          "Line 4 reports the same reservation and hour without a workload; send an hour either as one row without a workload or as one row per workload.",
      },
      {
        line: 7,
        column: "used_ah",
        message: `The workloads of reservation ${block.name} at 2026-04-02T02:00:00Z (lines 6 to 7) add up to 8.5000 accelerator-hours, more than it has in an hour (8).`,
      },
    ]);
    expect((await hours(handle.db, block.id)).some((r) => r.hour.startsWith("2026-04-02"))).toBe(false);
  });
});
