import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { systemCtx } from "@/lib/services/system-actor";
import { generateFocusCsv } from "@/lib/demo/generate-focus";
import { runFocusImport } from ".";
import { importRow, importText, lineItemCount } from "@/lib/testing/focus-import";

const HEADER =
  "BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ListCost,ServiceProviderName,HostProviderName,ChargeDescription,SkuPriceid,Tags,x_CostCenter,Id";

// Every quirk of SOURCES.md in one file: BOM, CRLF, blank lines, no final newline, NULL/null/empty,
// timestamps with and without T/Z/milliseconds, E-notation, quoted commas, quotes and newlines,
// credits, hourly and daily rows, header drift, x_ and unknown columns, Tags with keys equal after trimming.
const QUIRKS =
  "\uFEFF" +
  [
    HEADER,
    `USD,2025-01-01 00:00:00,2025-02-01 00:00:00,2025-01-05 10:00:00,2025-01-05 11:00:00,Usage,1.5E-7,0.00000080000,NULL,AWS,AWS,"GPU, hourly",p5-price,"{""team"": ""a"", "" team"": ""b""}",cc-1,1`,
    "",
    `USD,2025-01-01T00:00:00Z,2025-02-01T00:00:00Z,2025-01-05T00:00:00.000Z,2025-01-06T00:00:00.000Z,Usage,24.00,21.5,null,AWS,,"daily ""reserved"" row`,
    `second line",,,,`,
    `usd,2025-01-01T00:00,2025-02-01T00:00,2025-01-07,2025-01-07T01:00:00+00:00,Credit,-10.25,-10.25,,AWS,NULL,credit,,,,3`,
  ].join("\r\n");

/** The quirks file moved to another month (its rows and billing period), so it is new bytes for a new period. */
function shifted(month: number): string {
  const mm = (n: number) => `2025-${String(n).padStart(2, "0")}`;
  return QUIRKS.replaceAll("2025-02", mm(month + 1)).replaceAll("2025-01", mm(month));
}

function ctx(db: DbHandle["db"]) {
  return systemCtx(db, "test");
}

async function* chunks(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describeOnEachEngine("FOCUS import", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("loads a file with every quirk of real exports, exactly", async () => {
    const progress: number[] = [];
    const result = await runFocusImport(
      { ctx: ctx(handle.db), source: chunks(QUIRKS), fileName: "quirks.csv", onProgress: (p) => progress.push(p.rows) },
      { fxRates: {} },
    );
    expect(result.errors).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(result.rows).toBe(3);
    expect(progress.at(-1)).toBe(3);
    expect(result.summary!.total).toEqual({ rows: 3, billedCost: "13.75000015", effectiveCost: "11.2500008" });
    expect(result.summary!.byProvider).toEqual([{ provider: "AWS", rows: 3, billedCost: "13.75000015", effectiveCost: "11.2500008" }]);
    expect(result.summary!.byMonth.map((m) => m.month)).toEqual(["2025-01"]);
    const rows = await queryRows<Record<string, unknown>>(
      handle.db,
      sql`select line_number, billed_cost::text as billed, effective_cost::text as effective, list_cost::text as list,
            to_char(charge_period_start at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as start,
            to_char(charge_period_end at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as end,
            provider_name, publisher_name, billing_currency, charge_description, sku_price_id, tags, extra
          from cost_line_items where import_id = ${result.importId} order by line_number`,
    );
    expect(rows).toEqual([
      {
        line_number: 2,
        billed: "0.0000001500",
        effective: "0.0000008000",
        list: null,
        start: "2025-01-05 10:00",
        end: "2025-01-05 11:00",
        provider_name: "AWS",
        publisher_name: "AWS",
        billing_currency: "USD",
        charge_description: "GPU, hourly",
        sku_price_id: "p5-price",
        tags: { team: "a", " team": "b" },
        extra: { x_CostCenter: "cc-1", Id: "1" },
      },
      {
        line_number: 4,
        billed: "24.0000000000",
        effective: "21.5000000000",
        list: null,
        start: "2025-01-05 00:00",
        end: "2025-01-06 00:00",
        provider_name: "AWS",
        publisher_name: null,
        billing_currency: "USD",
        charge_description: 'daily "reserved" row\r\nsecond line',
        sku_price_id: null,
        tags: null,
        extra: null,
      },
      {
        line_number: 6,
        billed: "-10.2500000000",
        effective: "-10.2500000000",
        list: null,
        start: "2025-01-07 00:00",
        end: "2025-01-07 01:00",
        provider_name: "AWS",
        publisher_name: null,
        billing_currency: "USD",
        charge_description: "credit",
        sku_price_id: null,
        tags: null,
        extra: { Id: "3" },
      },
    ]);
    const row = await importRow(handle.db, result.importId!);
    expect(row).toMatchObject({ status: "succeeded", rows: 3, sha256: result.sha256, kind: "focus" });
  });

  it("reads records PostgreSQL's CSV reader would read otherwise the way the tokenizer does", async () => {
    // Mixed line endings (PostgreSQL wants one) and a quote inside an unquoted cell (literal here, a
    // quote for PostgreSQL): the loader hands them on rewritten, so the cells are what the file says.
    const text =
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName,ChargeDescription\r\n" +
      'USD,2025-09-01T00:00:00Z,2025-09-01T01:00:00Z,Usage,1,1,AWS,"two\nlines"\r\n' +
      'USD,2025-09-01T01:00:00Z,2025-09-01T02:00:00Z,Usage,2,2,AWS,a 5" display\n' +
      "USD,2025-09-01T02:00:00Z,2025-09-01T03:00:00Z,Usage,3,3,AWS,plain\r";
    const result = await importText(handle.db, text, "endings.csv");
    expect(result.errors).toEqual([]);
    const rows = await queryRows<{ line_number: number; charge_description: string }>(
      handle.db,
      sql`select line_number, charge_description from cost_line_items where import_id = ${result.importId} order by line_number`,
    );
    expect(rows).toEqual([
      { line_number: 2, charge_description: "two\nlines" },
      { line_number: 4, charge_description: 'a 5" display' },
      { line_number: 5, charge_description: "plain" },
    ]);
  });

  it("loads the same file gzipped, recognised by its magic bytes", async () => {
    const text = shifted(3);
    const result = await importText(handle.db, gzipSync(Buffer.from(text)), "quirks.csv.gz");
    expect(result.status).toBe("succeeded");
    expect(result.summary!.total.billedCost).toBe("13.75000015");
  });

  it("does nothing the second time the same bytes are imported and names the earlier import", async () => {
    const text = shifted(4);
    const first = await importText(handle.db, text, "april.csv");
    expect(first.status).toBe("succeeded");
    const [before] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports`);
    const items = await lineItemCount(handle.db);
    const second = await importText(handle.db, text, "april-again.csv");
    expect(second).toMatchObject({ status: "duplicate", importId: first.importId, sha256: first.sha256 });
    expect(second.duplicateOf).toMatchObject({ importId: first.importId, fileName: "april.csv" });
    const [after] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports`);
    expect(after!.n).toBe(before!.n);
    expect(await lineItemCount(handle.db)).toBe(items);
  });

  it("rejects a file whose cells are wrong, lists each by line and column, and loads nothing", async () => {
    const before = await lineItemCount(handle.db);
    const bad = [
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName,Tags",
      "USD,2025-02-30T00:00:00Z,2025-03-01T00:00:00Z,Usage,1,1,AWS,",
      "USD,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,Usage,12 USD,1,AWS,",
      "USD,2025-02-02T00:00:00Z,2025-02-01T00:00:00Z,Usage,1,1,AWS,",
      'USD,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,Usage,1,1,AWS,"{team: a}"',
      "EUR,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,Usage,1,1,AWS,",
      "USD,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,,1,1,AWS,",
      "USD,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,Usage,1,1,AWS,,extra",
      "USD,2025-02-01T00:00:00Z,2025-02-01T01:00:00Z,Usage,1,1,AWS,",
    ].join("\n");
    const result = await importText(handle.db, bad, "bad.csv");
    expect(result.status).toBe("failed");
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "ChargePeriodStart"],
      [3, "BilledCost"],
      [4, "ChargePeriodEnd"],
      [5, "Tags"],
      [6, "BillingCurrency"],
      [7, "ChargeCategory"],
      [8, undefined],
    ]);
    expect(result.errors[0]!.message).toMatch(/not a real date/);
    expect(result.errors[1]!.message).toMatch(/"12 USD" is not a number/);
    expect(result.errors[2]!.message).toMatch(/before ChargePeriodStart/);
    expect(result.errors[3]!.message).toMatch(/Tags is not valid JSON/);
    expect(result.errors[4]!.message).toMatch(/EUR is not the reporting currency USD.*HEADROOM_FX_RATES/);
    expect(result.errors[5]!.message).toMatch(/ChargeCategory is empty/);
    expect(result.errors[6]!.message).toMatch(/9 fields; the header has 8/);
    expect(await lineItemCount(handle.db)).toBe(before);
    const row = await importRow(handle.db, result.importId!);
    expect(row).toMatchObject({ status: "failed", rows: 0 });
    expect(row!.errors).toEqual(result.errors);
  });

  it("converts another billing currency with a configured rate and keeps the original amounts", async () => {
    const text = [
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName",
      "EUR,2025-05-01T00:00:00Z,2025-05-01T01:00:00Z,Usage,100.10,50,Microsoft",
    ].join("\n");
    const result = await importText(handle.db, text, "eur.csv", { EUR: "1.08" });
    expect(result.status).toBe("succeeded");
    expect(result.summary!.total).toEqual({ rows: 1, billedCost: "108.108", effectiveCost: "54.00" });
    const [row] = await queryRows<{ billing_currency: string; extra: Record<string, string> }>(
      handle.db,
      sql`select billing_currency, extra from cost_line_items where import_id = ${result.importId}`,
    );
    expect(row).toEqual({
      billing_currency: "USD",
      extra: {
        x_HeadroomSourceCurrency: "EUR",
        x_HeadroomFxRate: "1.08",
        x_HeadroomSourceBilledCost: "100.10",
        x_HeadroomSourceEffectiveCost: "50",
      },
    });
  });

  it("refuses a file with a byte that is not UTF-8 at its line, loads nothing, and leaves the database usable", async () => {
    const good = [
      "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName,ChargeDescription",
      "USD,2025-07-01T00:00:00Z,2025-07-01T01:00:00Z,Usage,1,1,AWS,plain",
      "USD,2025-07-01T01:00:00Z,2025-07-01T02:00:00Z,Usage,2,2,AWS,Caf\u00e9",
    ].join("\n");
    // A Latin-1 export: é as the single byte 0xe9, which PostgreSQL's COPY refuses.
    const latin1 = Buffer.from(good.replace("plain", "r\u00e9sum\u00e9"), "latin1");
    const before = await lineItemCount(handle.db);
    for (let i = 0; i < 3; i++) {
      const result = await importText(handle.db, latin1, `latin1-${i}.csv`);
      expect(result.status).toBe("failed");
      expect(result.errors).toEqual([{ line: 2, message: "The record is not valid UTF-8: export or save the file as UTF-8." }]);
    }
    expect(await lineItemCount(handle.db)).toBe(before);
    const result = await importText(handle.db, good, "utf8.csv");
    expect(result.errors).toEqual([]);
    expect(result.status).toBe("succeeded");
    expect(await lineItemCount(handle.db, result.importId!)).toBe(2);
  }, 20_000);

  it("loads nothing when the last row of a 20,000-row file is corrupt", async () => {
    const text = [...generateFocusCsv({ rows: 20_000, seed: 7, month: "2025-06" })].join("");
    const lines = text.trimEnd().split("\n");
    const last = lines.length;
    lines[last - 1] = lines[last - 1]!.replace(/^([^,]*),[^,]*,/, "$1,not-a-cost,");
    const before = await lineItemCount(handle.db);
    const result = await importText(handle.db, lines.join("\n"), "corrupt-end.csv");
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([{ line: last, column: "BilledCost", message: expect.stringMatching(/not-a-cost/) }]);
    expect(await lineItemCount(handle.db)).toBe(before);
  });

  it("loads nothing and marks the import failed when the upload stream is aborted", async () => {
    const controller = new AbortController();
    const before = await lineItemCount(handle.db);
    async function* stalling(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(shifted(7).slice(0, 400));
      controller.abort();
      await new Promise(() => {});
    }
    const result = await runFocusImport(
      { ctx: ctx(handle.db), source: stalling(), fileName: "aborted.csv", signal: controller.signal },
      { fxRates: {} },
    );
    expect(result.status).toBe("failed");
    expect(result.errors[0]!.message).toMatch(/aborted/);
    expect(await lineItemCount(handle.db)).toBe(before);
    expect(await importRow(handle.db, result.importId!)).toMatchObject({ status: "failed" });
  });

  it("lets the rest of the app query the database while an upload is still arriving", async () => {
    const controller = new AbortController();
    let release!: () => void;
    const sent = new Promise<void>((resolve) => (release = resolve));
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(shifted(9).slice(0, 500));
      release();
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
    const running = runFocusImport(
      { ctx: ctx(handle.db), source: slow(), fileName: "slow.csv", signal: controller.signal },
      { fxRates: {} },
    );
    await sent;
    const answer = await Promise.race([
      queryRows<{ one: number }>(handle.db, sql`select 1 as one`),
      new Promise((resolve) => setTimeout(() => resolve("blocked"), 3_000)),
    ]);
    expect(answer).toEqual([{ one: 1 }]);
    controller.abort();
    expect((await running).status).toBe("failed");
  });

  it("replaces the rows of an earlier import for the same provider and billing period, and only those", async () => {
    const file = (rows: string[]) =>
      [
        "BillingCurrency,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName",
        ...rows,
      ].join("\n");
    const first = await importText(
      handle.db,
      file([
        "USD,2025-08-01T00:00:00Z,2025-08-01T00:00:00Z,2025-08-01T01:00:00Z,Usage,1,1,Oracle",
        "USD,2025-08-01T00:00:00Z,2025-08-02T00:00:00Z,2025-08-02T01:00:00Z,Usage,2,2,Oracle",
        "USD,2025-08-01T00:00:00Z,2025-08-01T00:00:00Z,2025-08-02T00:00:00Z,Usage,5,5,Google",
        "USD,2025-07-01T00:00:00Z,2025-07-31T00:00:00Z,2025-07-31T01:00:00Z,Usage,7,7,Oracle",
      ]),
      "august-v1.csv",
    );
    expect(first.status).toBe("succeeded");
    const second = await importText(
      handle.db,
      file(["USD,2025-08-01T00:00:00Z,2025-08-01T00:00:00Z,2025-08-01T01:00:00Z,Usage,1.5,1.5,Oracle"]),
      "august-v2.csv",
    );
    expect(second.status).toBe("succeeded");
    expect(second.replaced).toEqual([{ provider: "Oracle", billingPeriodStart: "2025-08-01T00:00:00Z", rows: 2 }]);
    const left = await queryRows<{ import_id: number; provider_name: string; billed: string }>(
      handle.db,
      sql`select import_id::int as import_id, provider_name, billed_cost::text as billed from cost_line_items
          where import_id in (${first.importId}, ${second.importId}) order by import_id, provider_name, billed_cost`,
    );
    expect(left).toEqual([
      { import_id: first.importId, provider_name: "Google", billed: "5.0000000000" },
      { import_id: first.importId, provider_name: "Oracle", billed: "7.0000000000" },
      { import_id: second.importId, provider_name: "Oracle", billed: "1.5000000000" },
    ]);
    const earlier = await importRow(handle.db, first.importId!);
    expect((earlier!.summary as { replacedBy: unknown[] }).replacedBy).toEqual([
      { provider: "Oracle", billingPeriodStart: "2025-08-01T00:00:00Z", rows: 2, importId: second.importId },
    ]);
  });

  it("refuses a role without billing.import before creating any imports row", async () => {
    const [before] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports`);
    const result = await runFocusImport(
      {
        ctx: { db: handle.db, actor: { id: null, email: "viewer@x", role: "viewer", kind: "system" } },
        source: chunks(QUIRKS),
        fileName: "q.csv",
      },
      { fxRates: {} },
    );
    expect(result).toMatchObject({ importId: null, status: "failed" });
    expect(result.errors[0]!.message).toMatch(/billing.import/);
    const [after] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports`);
    expect(after!.n).toBe(before!.n);
  });
});
