import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes, providers, skuMappings } from "@/lib/db/schema";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { loadBilledMonths, loadBillingGroups } from "@/lib/queries/costs/billing";
import { insertCatalog, insertContractRow, roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { billingMonthlyDrift } from "./billing-monthly";
import { generateFocusCsv } from "@/lib/demo/generate-focus";
import { importText } from "@/lib/testing/focus-import";
import { rematchCharges } from "./matching";
import { insertCharges, insertImport } from "@/lib/testing/charges";

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
    for (const [month, seed] of [
      ["2025-01", 1],
      ["2025-02", 2],
    ] as const) {
      const result = await importText(handle.db, generated(month, seed), `${month}.csv`);
      expect(result.status).toBe("succeeded");
    }
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const [counts] = await queryRows<{ rows: number; charges: string; lines: string; matched: number; unmatched: number }>(
      handle.db,
      sql`select b.*, (select count(*) from cost_line_items)::text as lines from (
            select count(*)::int as rows, sum(rows)::text as charges,
              count(*) filter (where provider_id is not null)::int as matched, count(*) filter (where provider_id is null and provider_name is not null)::int as unmatched
            from billing_monthly
          ) b`,
    );
    expect(counts!.charges).toBe(counts!.lines);
    expect(counts!.matched).toBeGreaterThan(0);
    expect(counts!.unmatched).toBeGreaterThan(0);
  });

  it("stays exact when a newer export replaces a provider's billing period, and when a failed import rolls back", async () => {
    const before = await queryRows<{ n: string }>(
      handle.db,
      sql`select sum(rows)::text as n from billing_monthly where month = '2025-01-01'`,
    );
    const result = await importText(handle.db, generated("2025-01", 7, 900), "2025-01-again.csv");
    expect(result.status).toBe("succeeded");
    expect(result.replaced?.length).toBeGreaterThan(0);
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const after = await queryRows<{ n: string }>(
      handle.db,
      sql`select sum(rows)::text as n from billing_monthly where month = '2025-01-01'`,
    );
    expect(after[0]!.n).not.toBe(before[0]!.n);

    // A late charge of April's billing period falls in May; the newer April export has none, yet its May row goes.
    const head =
      "BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ListCost,ServiceProviderName\n";
    const april = (start: string, cost: string, list: string) =>
      `USD,2025-04-01T00:00:00Z,2025-05-01T00:00:00Z,${start},${start},Usage,${cost},${cost},${list},Lambda\n`;
    expect(
      (
        await importText(
          handle.db,
          head + april("2025-04-10T00:00:00Z", "10.5", "12") + april("2025-05-02T00:00:00Z", "5", ""),
          "lambda-1.csv",
        )
      ).status,
    ).toBe("succeeded");
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
      .values({
        name: "H100 SXM",
        vendor: "NVIDIA",
        family: "H100",
        memoryGb: "80",
        bf16Tflops: "989.4",
        systemW: 1275,
        h100Equivalent: "1",
      })
      .returning();
    await db
      .insert(skuMappings)
      .values({ providerId: aws!.id, skuId: "p5.48xlarge", acceleratorTypeId: type!.id, acceleratorsPerUnit: "8" });
    await rematchCharges(db, { providerId: aws!.id, rules: ["accelerator"] });
    expect(await billingMonthlyDrift(db)).toEqual([]);
    const [tied] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from billing_monthly where accelerator_type_id = ${type!.id}::uuid`,
    );
    expect(tied!.n).toBeGreaterThan(0);

    const [unmatched] = await queryRows<{ name: string }>(
      db,
      sql`select provider_name as name from billing_monthly where provider_id is null order by 1 limit 1`,
    );
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

  it("gives /costs the same groups as summing the charges themselves", async () => {
    const db = handle.db;
    const f = { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-06-01T00:00:00Z"), provider: null, family: null, site: null };
    const ctx = roleCtx(db, "viewer");
    // The same reads straight over cost_line_items, without billing_monthly.
    const raw = await queryRows<{
      provider: string;
      provider_name: string;
      family: string | null;
      month: string;
      effective: string;
      list: string | null;
      contracted: string | null;
    }>(
      db,
      sql`select coalesce(c.provider_id::text, 'name:' || coalesce(c.provider_name, '')) as provider, coalesce(p.name, c.provider_name, 'Unknown provider') as provider_name,
                 t.family, to_char(date_trunc('month', c.charge_period_start at time zone 'UTC'), 'YYYY-MM-DD') as month,
                 sum(c.effective_cost)::text as effective, sum(c.list_cost)::text as list,
                 sum(coalesce(c.contracted_cost, c.list_cost)) filter (where c.list_cost is not null)::text as contracted
          from cost_line_items c join imports i on i.id = c.import_id
          left join providers p on p.id = c.provider_id left join accelerator_types t on t.id = c.accelerator_type_id
          where i.status = 'succeeded' and c.billing_currency = 'USD'
            and c.charge_period_start >= '2025-01-01T00:00:00Z' and c.charge_period_start < '2025-06-01T00:00:00Z'
          group by 1, 2, 3, 4`,
    );
    const key = (g: { providerId: string; family: string | null; month: Date }) => `${g.providerId}|${g.family}|${g.month.toISOString()}`;
    const expected = raw
      .map((r) => ({
        providerId: r.provider,
        providerName: r.provider_name,
        family: r.family,
        month: new Date(`${r.month}T00:00:00Z`),
        amount: r.effective,
        list: r.list,
        contracted: r.contracted,
      }))
      .sort((a, b) => key(a).localeCompare(key(b)));
    const groups = (await loadBillingGroups(ctx, f, "USD")).sort((a, b) => key(a).localeCompare(key(b)));
    expect(groups.length).toBeGreaterThan(5);
    expect(groups.some((g) => g.list !== null && g.contracted !== null && g.contracted !== g.list)).toBe(true);
    expect(groups).toEqual(expected);
    expect([...(await loadBilledMonths(ctx, f, "USD"))].sort()).toEqual(
      [...new Set(expected.map((g) => `${g.providerId}|${g.month.toISOString().slice(0, 10)}`))].sort(),
    );
    await expect(loadBillingGroups(ctx, { ...f, to: new Date("2025-05-15T00:00:00Z") }, "USD")).rejects.toThrow(/whole UTC months/);
  });

  it("cuts a month at a contract's start and at asOf from the charges themselves, whole months from the rollup", async () => {
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const contract = await insertContractRow(db, catalog, {
      startDate: "2026-01-15",
      endDate: "2027-01-01",
      committedAmount: "1000",
      currency: "USD",
    });
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
