import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { generateFocusCsv } from "@/lib/demo/generate-focus";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importText, lineItemCount } from "@/lib/testing/focus-import";
import { systemCtx } from "@/lib/services/system-actor";
import { runFocusImport } from ".";

// The load path's promises about the import's own table (lib/ingest/focus/partition.ts): nothing is left
// behind by a refused file, concurrent imports of one file load it once, a replace is seen whole or not at all.

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Tables named like an import's partition, attached or not. */
async function importTables(db: DbHandle["db"]): Promise<{ name: string; attached: boolean }[]> {
  return queryRows(
    db,
    sql`select relname as name, relispartition as attached from pg_class
        where relkind = 'r' and relname ~ '^cost_line_items_[0-9]+$' order by relname`,
  );
}

describeOnEachEngine("FOCUS import into the import's own partition", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("loads nothing and leaves no table behind when the bad row is in the last chunk, after earlier chunks were COPYed", async () => {
    const text = [...generateFocusCsv({ rows: 5_000, seed: 11, month: "2025-05" })].join("");
    const lines = text.trimEnd().split("\n");
    lines[lines.length - 1] = lines.at(-1)!.replace(/^([^,]*),[^,]*,/, "$1,12 USD,");
    const before = await importTables(handle.db);
    const result = await runFocusImport(
      { ctx: systemCtx(handle.db, "test"), source: chunks(lines.join("\n"), 64 << 10), fileName: "late-error.csv" },
      { fxRates: {} },
    );
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([{ line: lines.length, column: "BilledCost", message: expect.stringMatching(/12 USD/) }]);
    expect(await lineItemCount(handle.db, result.importId!)).toBe(0);
    expect(await importTables(handle.db)).toEqual(before);
  });

  it("loads a file sent twice at once only once and tells the other import it is a duplicate", async () => {
    const text = [...generateFocusCsv({ rows: 3_000, seed: 12, month: "2025-04" })].join("");
    const results = await Promise.all([importText(handle.db, text, "twice-a.csv"), importText(handle.db, text, "twice-b.csv")]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "succeeded"]);
    const loaded = results.find((r) => r.status === "succeeded")!;
    const other = results.find((r) => r.status === "duplicate")!;
    expect(other.duplicateOf?.importId).toBe(loaded.importId);
    expect(await lineItemCount(handle.db, loaded.importId!)).toBe(3_000);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from imports where file_name like 'twice-%'`);
    expect(row!.n).toBe(1);
    expect((await importTables(handle.db)).every((t) => t.attached)).toBe(true);
  });

  it("swaps a replaced billing period atomically: a reader sees the old rows or the new, never both or neither", async () => {
    const file = (cost: string, rows: number) =>
      [
        "BillingCurrency,BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName",
        ...Array.from(
          { length: rows },
          (_, i) =>
            `USD,2024-03-01T00:00:00Z,2024-03-0${1 + (i % 9)}T00:00:00Z,2024-03-0${1 + (i % 9)}T01:00:00Z,Usage,${cost},${cost},Lambda`,
        ),
      ].join("\n");
    const first = await importText(handle.db, file("1", 2_000), "march-v1.csv");
    expect(first.status).toBe("succeeded");
    const seen = new Set<string>();
    let done = false;
    const observe = async () => {
      const rows = await queryRows<{ import_id: number; n: number }>(
        handle.db,
        sql`select c.import_id::int as import_id, count(*)::int as n from cost_line_items c
              where c.provider_name = 'Lambda' and c.billing_period_start = '2024-03-01T00:00:00Z' group by 1 order by 1`,
      );
      seen.add(JSON.stringify(rows.map((r) => [r.import_id === first.importId ? "old" : "new", r.n])));
    };
    const reader = (async () => {
      while (!done) {
        await observe();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const second = await importText(handle.db, file("2", 3_000), "march-v2.csv");
    done = true;
    await reader;
    await observe();
    expect(second.status).toBe("succeeded");
    expect(second.replaced).toEqual([{ provider: "Lambda", billingPeriodStart: "2024-03-01T00:00:00Z", rows: 2_000 }]);
    const allowed = new Set([JSON.stringify([["old", 2_000]]), JSON.stringify([["new", 3_000]])]);
    for (const s of seen) expect(allowed.has(s), s).toBe(true);
    expect(seen.has(JSON.stringify([["new", 3_000]]))).toBe(true);
  });
});
