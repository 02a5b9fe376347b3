import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes, providers, skuMappings } from "@/lib/db/schema";
import { getContractBurndown } from "@/lib/queries/contract-burndown";
import { insertCatalog, insertContractRow, roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { billingMonthlyDrift } from "./billing-monthly";
import { generateFocusCsv } from "./focus/generate";
import { importText } from "./focus/testing";
import { rematchCharges } from "./matching";
import { insertCharges, insertImport } from "./test-charges";

function generated(month: string, seed: number, rows = 1500): string {
  return [...generateFocusCsv({ rows, seed, month })].join("");
}

describeOnEachEngine("billing_monthly rollup", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await handle.db.insert(providers).values([
      { name: "AWS", kind: "hyperscaler" },
      { name: "CoreWeave", kind: "neocloud" },
    ]);
  });
  afterAll(() => handle.close());

  it("equals a GROUP BY over the charges after imports, with and without a matched provider", async () => {
    for (const [month, seed] of [["2025-01", 1], ["2025-02", 2]] as const) {
      const result = await importText(handle.db, generated(month, seed), `${month}.csv`);
      expect(result.status).toBe("succeeded");
    }
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const [counts] = await queryRows<{ rows: number; charges: string; lines: string; matched: number; unmatched: number }>(
      handle.db,
      sql`select count(*)::int as rows, sum(rows)::text as charges, (select count(*) from cost_line_items)::text as lines,
            count(*) filter (where provider_id is not null)::int as matched, count(*) filter (where provider_id is null and provider_name is not null)::int as unmatched
          from billing_monthly`,
    );
    expect(counts!.charges).toBe(counts!.lines);
    expect(counts!.matched).toBeGreaterThan(0);
    expect(counts!.unmatched).toBeGreaterThan(0);
  });

  it("stays exact when a newer export replaces a provider's billing period, and when a failed import rolls back", async () => {
    const before = await queryRows<{ n: string }>(handle.db, sql`select sum(rows)::text as n from billing_monthly where month = '2025-01-01'`);
    const result = await importText(handle.db, generated("2025-01", 7, 900), "2025-01-again.csv");
    expect(result.status).toBe("succeeded");
    expect(result.replaced?.length).toBeGreaterThan(0);
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const after = await queryRows<{ n: string }>(handle.db, sql`select sum(rows)::text as n from billing_monthly where month = '2025-01-01'`);
    expect(after[0]!.n).not.toBe(before[0]!.n);

    // A late charge of April's billing period falls in May; the newer April export has none, yet its May row goes.
    const head = "BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ListCost,ServiceProviderName\n";
    const april = (start: string, cost: string, list: string) => `USD,2025-04-01T00:00:00Z,2025-05-01T00:00:00Z,${start},${start},Usage,${cost},${cost},${list},Lambda\n`;
    expect((await importText(handle.db, head + april("2025-04-10T00:00:00Z", "10.5", "12") + april("2025-05-02T00:00:00Z", "5", ""), "lambda-1.csv")).status).toBe("succeeded");
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const newer = await importText(handle.db, head + april("2025-04-11T00:00:00Z", "11.25", ""), "lambda-2.csv");
    expect(newer.replaced).toEqual([{ provider: "Lambda", billingPeriodStart: "2025-04-01T00:00:00Z", rows: 2 }]);
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const lambda = await queryRows<{ month: string; effective: string }>(
      handle.db,
      sql`select to_char(month, 'YYYY-MM') as month, effective_cost::text as effective from billing_monthly where provider_name = 'Lambda' order by 1`,
    );
    expect(lambda).toEqual([{ month: "2025-04", effective: "11.2500000000" }]);

    const broken = await importText(handle.db, generated("2025-03", 3, 50).replace(/\n([^\n]*)\n/, "\nnot,a,focus,row\n"), "broken.csv");
    expect(broken.status).toBe("failed");
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
  });

  it("follows re-matching: a SKU mapping re-ties accelerator types, a new provider takes charges tied to none", async () => {
    const db = handle.db;
    const [aws] = await queryRows<{ id: string }>(db, sql`select id from providers where name = 'AWS'`);
    const [type] = await db
      .insert(acceleratorTypes)
      .values({ name: "H100 SXM", vendor: "NVIDIA", family: "H100", memoryGb: "80", bf16Tflops: "989.4", systemW: 1275, h100Equivalent: "1" })
      .returning();
    await db.insert(skuMappings).values({ providerId: aws!.id, skuId: "p5.48xlarge", acceleratorTypeId: type!.id, acceleratorsPerUnit: "8" });
    await rematchCharges(db, { providerId: aws!.id, rules: ["accelerator"] });
    expect(await billingMonthlyDrift(db)).toEqual([]);
    const [tied] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from billing_monthly where accelerator_type_id = ${type!.id}::uuid`);
    expect(tied!.n).toBeGreaterThan(0);

    const [unmatched] = await queryRows<{ name: string }>(db, sql`select provider_name as name from billing_monthly where provider_id is null order by 1 limit 1`);
    const [created] = await db.insert(providers).values({ name: unmatched!.name, kind: "hyperscaler" }).returning();
    await rematchCharges(db);
    expect(await billingMonthlyDrift(db)).toEqual([]);
    const moved = await queryRows<{ tied: number; left: number }>(
      db,
      sql`select count(*) filter (where provider_id = ${created!.id}::uuid)::int as tied,
            count(*) filter (where provider_id is null and lower(provider_name) = lower(${unmatched!.name}))::int as left
          from billing_monthly`,
    );
    expect(moved[0]).toEqual({ tied: expect.any(Number), left: 0 });
    expect(moved[0]!.tied).toBeGreaterThan(0);
  });

  it("cuts a month at a contract's start and at asOf from the charges themselves, whole months from the rollup", async () => {
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const contract = await insertContractRow(db, catalog, { startDate: "2026-01-15", endDate: "2027-01-01", committedAmount: "1000", currency: "USD" });
    const importId = await insertImport(db);
    const at = (day: string, cost: string) => ({
      contractId: contract.id,
      providerId: catalog.provider.id,
      chargePeriodStart: new Date(`${day}T00:00:00Z`),
      chargePeriodEnd: new Date(`${day}T01:00:00Z`),
      billedCost: cost,
      effectiveCost: cost,
    });
    await insertCharges(db, importId, [
      at("2026-01-10", "1000"),
      at("2026-01-20", "3.0000000001"),
      at("2026-02-10", "7.25"),
      at("2026-03-05", "100"),
      at("2026-03-20", "50"),
    ]);
    expect(await billingMonthlyDrift(db)).toEqual([]);
    const b = await getContractBurndown(roleCtx(db, "viewer"), contract.id, new Date("2026-03-10T12:00:00Z"));
    expect(b.months.map((m) => [m.month.toISOString().slice(0, 7), m.amount.toString(), m.source])).toEqual([
      ["2026-01", "3.0000000001", "actual"],
      ["2026-02", "7.25", "actual"],
      ["2026-03", "100", "actual"],
    ]);
    const early = await getContractBurndown(roleCtx(db, "viewer"), contract.id, new Date("2026-03-02T00:00:00Z"));
    expect(early.months.map((m) => [m.month.toISOString().slice(0, 7), m.source])).toEqual([
      ["2026-01", "actual"],
      ["2026-02", "actual"],
      ["2026-03", "planned"],
    ]);
  });
});
