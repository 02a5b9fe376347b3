import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { queryRows } from "@/lib/db/rows";
import { teams, workloads } from "@/lib/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importBusinessMetricsCsv } from "./import";
import { ingestBusinessMetrics } from "./ingest";

const NOW = new Date("2026-06-01T12:00:00Z");

async function* chunks(text: string, size = 13) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function valuesOf(db: Db, workloadId: string) {
  return queryRows<{ metric: string; day: string; value: string; by: string | null }>(
    db,
    sql`select metric, day::text as day, value::text as value, updated_by as by from business_metrics where workload_id = ${workloadId} order by metric, day`,
  );
}

async function lastImport(db: Db) {
  const [row] = await queryRows<{ status: string; rows: number; errors: unknown }>(
    db,
    sql`select status::text as status, rows, errors from imports where kind = 'business_metrics' order by id desc limit 1`,
  );
  return row;
}

async function auditCount(db: Db) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'business_metrics.import'`);
  return Number(row!.n);
}

describeOnEachEngine("business metrics feeds", (engine) => {
  let handle: DbHandle;
  let chat: { id: string; name: string };
  let api: { id: string; name: string };
  const csv = (text: string, role: "finance" | "infra" | "admin" | "viewer" = "finance") =>
    importBusinessMetricsCsv({ ctx: roleCtx(handle.db, role), source: chunks(text), fileName: "metrics.csv", now: NOW });

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Product") })
      .returning();
    const rows = await handle.db
      .insert(workloads)
      .values([
        { name: uniq("Chat inference"), kind: "inference", teamId: team!.id, activeFrom: "2026-01-01" },
        { name: uniq("API inference"), kind: "inference", teamId: team!.id, activeFrom: "2026-01-01" },
        { name: "Retired serving", kind: "inference", teamId: team!.id, activeFrom: "2025-01-01", archivedAt: new Date() },
      ])
      .returning({ id: workloads.id, name: workloads.name });
    [chat, api] = rows as [typeof chat, typeof api];
  });
  afterAll(() => handle.close());

  it("loads a CSV (BOM, CRLF, header in any case and order, workload name in any case), audits it and bumps the data version", async () => {
    const before = { version: await readDataVersion(handle.db), audits: await auditCount(handle.db) };
    const text =
      `\uFEFFDay,Workload,METRIC,Value,note\r\n` +
      `2026-03-01,${chat.name.toUpperCase()},tokens_served,250000000000,x\r\n` +
      `2026-03-02,${chat.name},tokens_served,260000000000.5,\r\n` +
      `2026-03-01,${chat.name},requests,1200000,\r\n` +
      `2026-03-01,${api.name},tokens_served,90000000000,\r\n`;
    const result = await csv(text);
    expect(result).toMatchObject({
      status: "succeeded",
      rows: 4,
      errors: [],
      summary: {
        workloads: 2,
        metrics: ["requests", "tokens_served"],
        values: 4,
        replaced: 0,
        firstDay: "2026-03-01",
        lastDay: "2026-03-02",
      },
    });
    expect(await valuesOf(handle.db, chat.id)).toEqual([
      { metric: "requests", day: "2026-03-01", value: "1200000.000000", by: "finance@example.com" },
      { metric: "tokens_served", day: "2026-03-01", value: "250000000000.000000", by: "finance@example.com" },
      { metric: "tokens_served", day: "2026-03-02", value: "260000000000.500000", by: "finance@example.com" },
    ]);
    expect(await lastImport(handle.db)).toMatchObject({ status: "succeeded", rows: 4 });
    expect(await auditCount(handle.db)).toBe(before.audits + 1);
    expect(await readDataVersion(handle.db)).toBeGreaterThan(before.version);
  });

  it("replaces a re-sent day's value and leaves the other days alone", async () => {
    const result = await csv(`workload,metric,day,value\n${chat.name},tokens_served,2026-03-02,270000000000\n`, "infra");
    expect(result).toMatchObject({ status: "succeeded", summary: { values: 1, replaced: 1 } });
    const tokens = (await valuesOf(handle.db, chat.id)).filter((r) => r.metric === "tokens_served");
    expect(tokens).toEqual([
      { metric: "tokens_served", day: "2026-03-01", value: "250000000000.000000", by: "finance@example.com" },
      { metric: "tokens_served", day: "2026-03-02", value: "270000000000.000000", by: "infra@example.com" },
    ]);
  });

  it("refuses a file with bad rows by line and column, loads none of its good rows, and records the import as failed", async () => {
    const before = await valuesOf(handle.db, api.id);
    const text =
      `workload,metric,day,value\n` +
      `${api.name},tokens_served,2026-04-01,100\n` +
      `${api.name},Tokens Served,2026-04-02,100\n` +
      `Nobody,tokens_served,2026-04-03,100\n` +
      `Retired serving,tokens_served,2026-04-03,100\n` +
      `${api.name},tokens_served,2026-04-31,-1\n` +
      `${api.name},tokens_served,2026-04-01,200\n` +
      `${api.name},tokens_served\n`;
    const result = await csv(text);
    expect(result.status).toBe("failed");
    expect(result.summary).toBeNull();
    expect(result.errors).toEqual([
      { line: 3, column: "metric", message: expect.stringContaining("lower-case snake case") },
      { line: 4, column: "workload", message: 'No active workload is named "Nobody".' },
      { line: 5, column: "workload", message: 'No active workload is named "Retired serving".' },
      { line: 6, column: "day", message: '"2026-04-31" is not a date such as 2026-03-01 (YYYY-MM-DD).' },
      { line: 6, column: "value", message: '"-1" is not a number of 0 or more.' },
      { line: 7, column: "day", message: "The same workload, metric and day as line 2; send each day once." },
      { line: 8, message: "The row has 2 fields; the header has 4." },
    ]);
    expect(await valuesOf(handle.db, api.id)).toEqual(before);
    expect(await lastImport(handle.db)).toMatchObject({ status: "failed", errors: result.errors });
  });

  it("refuses the same workload, metric and day twice in one file, naming the first line", async () => {
    const text = `workload,metric,day,value\n${api.name},requests,2026-04-01,1\n${api.name},requests,2026-04-01,2\n`;
    const result = await csv(text);
    expect(result).toMatchObject({
      status: "failed",
      errors: [{ line: 3, column: "day", message: "The same workload, metric and day as line 2; send each day once." }],
    });
    expect((await valuesOf(handle.db, api.id)).filter((r) => r.metric === "requests")).toEqual([]);
  });

  it("refuses a header without the columns, an empty file and a header without rows", async () => {
    expect((await csv("workload,day,value\nx,2026-01-01,1\n")).errors).toEqual([
      { line: 1, message: "The header must name the columns workload, metric, day and value; missing: metric." },
    ]);
    expect((await csv("")).errors).toEqual([
      { line: 1, message: "The file is empty: it needs the header workload,metric,day,value and at least one row." },
    ]);
    expect((await csv("workload,metric,day,value\n")).errors).toEqual([{ line: 2, message: "The file has a header but no rows." }]);
  });

  it("refuses a viewer before reading anything, and records nothing", async () => {
    const before = await lastImport(handle.db);
    await expect(csv(`workload,metric,day,value\n${api.name},requests,2026-04-01,1\n`, "viewer")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      ingestBusinessMetrics({
        ctx: roleCtx(handle.db, "viewer"),
        rows: [{ workload: api.name, metric: "requests", day: "2026-04-01", value: 1 }],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await lastImport(handle.db)).toEqual(before);
  });

  it("loads JSON rows (keys in any case), with errors by position in rows and a ValidationError for a body of the wrong shape", async () => {
    const ctx = roleCtx(handle.db, "admin");
    const ok = await ingestBusinessMetrics({
      ctx,
      now: NOW,
      rows: { rows: [{ Workload: api.name, metric: "training_tokens", day: "2026-05-01", VALUE: 5e11 }] },
    });
    expect(ok).toMatchObject({ status: "succeeded", rows: 1, summary: { values: 1, metrics: ["training_tokens"] } });
    const bad = await ingestBusinessMetrics({
      ctx,
      now: NOW,
      rows: [{ workload: api.name, metric: "training_tokens", day: "2026-06-02", value: 1 }, "row"],
    });
    expect(bad.errors).toEqual([
      { line: 1, column: "day", message: "2026-06-02 is in the future (today is 2026-06-01, UTC)." },
      { line: 2, message: "Row 2 is not an object with workload, metric, day and value." },
    ]);
    await expect(ingestBusinessMetrics({ ctx, rows: { rows: [] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(ingestBusinessMetrics({ ctx, rows: "x" })).rejects.toThrow(/no "rows" array/);
  });
});
