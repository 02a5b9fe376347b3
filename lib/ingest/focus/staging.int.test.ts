import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { FocusRowMapper, type FocusError } from "./rows";
import { FocusScanner } from "./scan";
import {
  createRawStaging,
  createStaging,
  lineExpression,
  openRawWriter,
  openStagingWriter,
  rawAsTyped,
  replayRaw,
  stagedAsTyped,
} from "./staging";

// The loader's two ways to typed staging rows must agree cell for cell: PostgreSQL's casts over the raw
// cells (rawAsTyped, the fast path) and FocusRowMapper.map's normalized lines (stagedAsTyped, the path of
// FX files, JSON extension columns and diagnosis).

const FILE = [
  "BillingCurrency,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ListCost,PricingQuantity,ProviderName,ServiceProviderName,Tags,ChargeDescription,x_Note,Extra Column",
  `usd ,2025-01-01,2025-01-05 10:00:00,2025-01-05T11:00:00Z,Usage,1.5E-7,0.00000080000,NULL,1e3,AWS,,"{""team"": ""a""}","GPU, ""hourly""",note,`,
  `USD,2025-01-01T00:00:00.000Z,2025-01-05T00:00:00.123456789Z,2025-01-06T00:00:00+05:30,Credit,-10.25,-10.25,null,.5,NULL,Microsoft,,"two\nlines",,x`,
  `USD,2025-01-01 00:00:00 UTC,2025-01-07T01:00,2025-01-07T02:00:00z,Usage,  42 ,42.,0,5.,Null,Google Cloud,{},,"=1+1",`,
  `USD,,2025-01-07,2025-01-08,Usage,99999999999999.9999999999,-0.0000000001,,,Oracle,,"{""a"":[1,2]}",plain,,`,
].join("\r\n");

describeOnEachEngine("FOCUS staging rows", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("gives the same typed rows through PostgreSQL's casts as through FocusRowMapper.map", async () => {
    let mapper: FocusRowMapper | undefined;
    const errors: FocusError[] = [];
    const scanner = new FocusScanner({
      onHeader: (fields, line) => {
        mapper = new FocusRowMapper(fields, line, { fxRates: {} });
        return { extract: mapper.checkedColumns() };
      },
      onRecord: (fields, line) => mapper!.check(fields, line, errors),
      onProblem: () => false,
    });
    const out: Buffer[] = [];
    scanner.push(Buffer.from(FILE), out);
    scanner.end(out);
    expect(errors).toEqual([]);
    expect(scanner.records).toBe(4);
    const width = FILE.split("\r\n")[0]!.split(",").length;

    const [fast, mapped] = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone to 'UTC'`);
      await createRawStaging(tx, "focus_raw", width, "on commit drop");
      const raw = await openRawWriter(tx, "focus_raw", width);
      for (const bytes of out) await raw.write(bytes);
      await raw.finish();
      const line = await lineExpression(tx, scanner.lines);
      const typed = rawAsTyped("focus_raw", { width, ...mapper!.sources(), columns: mapper!.layout() }, line);

      await createStaging(tx, "focus_stage", "on commit drop");
      const lines: string[] = [];
      await replayRaw(
        tx,
        "focus_raw",
        width,
        (n) => scanner.lines.lineOf(n),
        (fields, at) => {
          lines.push(mapper!.map(fields, at, errors)!);
          return true;
        },
      );
      const writer = await openStagingWriter(tx, "focus_stage");
      for (const text of lines) await writer.write(text);
      await writer.finish();
      const read = (from: string) =>
        queryRows<Record<string, unknown>>(
          tx,
          sql.raw(`select t.*, t.charge_period_start::text as start_text from ${from} t order by line_number`),
        );
      return [await read(typed), await read(stagedAsTyped("focus_stage"))];
    });
    expect(errors).toEqual([]);
    expect(fast.map((r) => r.line_number)).toEqual([2, 3, 5, 6]);
    expect(fast).toEqual(mapped);
    expect(fast[0]).toMatchObject({ billing_currency: "USD", provider_name: "AWS", tags: { team: "a" }, extra: { x_Note: "note" } });
    expect(fast[1]).toMatchObject({ provider_name: "Microsoft", charge_description: "two\nlines", extra: { "Extra Column": "x" } });
  });

  it("rejects finish() promptly when the database refuses the COPY's bytes, and the connection stays usable", async () => {
    for (let i = 0; i < 12; i++) {
      const attempt = handle.db.transaction(async (tx) => {
        await createRawStaging(tx, "focus_raw", 2, "on commit drop");
        const raw = await openRawWriter(tx, "focus_raw", 2);
        await raw.write(Buffer.from([0x61, 0x2c, 0xff, 0x0a])); // a,\xff — not UTF-8
        await raw.finish();
      });
      await expect(attempt).rejects.toThrow(/invalid byte sequence/);
    }
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select 1 as n`);
    expect(row).toEqual({ n: 1 });
  }, 20_000);
});
