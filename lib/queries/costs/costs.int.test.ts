import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes } from "@/lib/db/schema";
import { rollUpUtilization } from "@/lib/ingest/utilization/rollups";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { utcMonths } from "@/lib/metrics/calendar";
import { billedKey } from "@/lib/metrics/monthly-spend";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { compareProviders } from "@/lib/metrics/provider-comparison";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { loadCostBlocks } from "./blocks";
import { getCostsView } from "./index";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const AS_OF = d("2026-03-10T12:00:00Z");
const FILTERS = { from: d("2026-01-01"), to: d("2026-05-01"), provider: null, family: null, site: null };

// Hourly use that varies by hour and day, never above the block's quantity.
async function insertHourly(db: DbHandle["db"], reservationId: string, quantity: number, from: string, to: string) {
  await db.execute(sql`insert into utilization_hourly (reservation_id, hour, used_ah)
    select ${reservationId}::uuid, h, least(${String(quantity)}::numeric, ((extract(hour from h at time zone 'UTC')::int % 5) + (extract(day from h at time zone 'UTC')::int % 3)) * ${String(quantity / 8)}::numeric)
    from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 hour', interval '1 hour') h`);
}

describeOnEachEngine("cost views", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  let a1: string;
  let b1: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    cat = await insertCatalog(db);
    const [gb200] = await db
      .insert(acceleratorTypes)
      .values({
        name: `GB200 ${cat.type.name}`,
        vendor: "NVIDIA",
        family: "GB200",
        memoryGb: "186",
        bf16Tflops: "2500",
        systemW: 2300,
        h100Equivalent: "2.5",
      })
      .returning();
    a1 = (
      await insertReservationRow(db, cat, { quantity: 8, startAt: d("2026-01-01"), endAt: d("2026-05-01"), rate: "2", status: "active" })
    ).id;
    b1 = (
      await insertReservationRow(db, cat, {
        providerId: cat.other.id,
        acceleratorTypeId: gb200!.id,
        quantity: 4,
        startAt: d("2026-01-15"),
        endAt: d("2026-04-01"),
        pricingModel: "on_demand",
        rate: "10",
        status: "active",
      })
    ).id;
    await insertHourly(db, a1, 8, "2026-01-01T00:00:00Z", "2026-03-10T00:00:00Z");
    await insertHourly(db, b1, 4, "2026-01-15T00:00:00Z", "2026-03-10T00:00:00Z");
    await rollUpUtilization(db);
    const importId = await insertImport(db);
    await insertCharges(db, importId, [
      // January of provider A: 8 × 744 h × $2 = $11,904 under the block, plus storage tied to no accelerator type.
      {
        providerId: cat.provider.id,
        acceleratorTypeId: cat.type.id,
        reservationId: a1,
        chargePeriodStart: d("2026-01-01"),
        chargePeriodEnd: d("2026-02-01"),
        billedCost: "11904",
        effectiveCost: "11904",
        listCost: "17260.80",
        contractedCost: "13332.48",
        pricingCategory: "Committed",
        commitmentDiscountStatus: "Used",
      },
      {
        providerId: cat.provider.id,
        chargePeriodStart: d("2026-01-01"),
        chargePeriodEnd: d("2026-02-01"),
        billedCost: "12.34",
        effectiveCost: "12.34",
        listCost: "12.34",
        pricingCategory: "Standard",
      },
    ]);
    // A running import's rows are not billing yet.
    const running = await insertImport(db, "running");
    await insertCharges(db, running, [
      {
        providerId: cat.provider.id,
        acceleratorTypeId: cat.type.id,
        chargePeriodStart: d("2026-02-01"),
        chargePeriodEnd: d("2026-03-01"),
        effectiveCost: "999",
      },
    ]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("takes a billed provider-month from billing and plans every other, never both", async () => {
    const view = await getCostsView(roleCtx(handle.db, "viewer"), FILTERS, { asOf: AS_OF, by: "provider" });
    const cells = (provider: string, month: string) =>
      view.cells.filter((c) => c.providerId === provider && c.month.from.getTime() === d(month).getTime());
    expect(cells(cat.provider.id, "2026-01-01").map((c) => [c.source, c.family, c.amount.toFixed(2)])).toEqual([
      ["actual", "H100", "11904.00"],
      ["actual", null, "12.34"],
    ]);
    // February: no succeeded billing → planned 8 × 672 h × $2 = $10,752.
    expect(cells(cat.provider.id, "2026-02-01").map((c) => [c.source, c.amount.toFixed(2)])).toEqual([["planned", "10752.00"]]);
    // The on-demand block: January from used hours (raw hourly sum × $10); March, the month of asOf, in full: 4 × 744 h × $10.
    const [janUsed] = await queryRows<{ used: string }>(
      handle.db,
      sql`select sum(used_ah)::text as used from utilization_hourly where reservation_id = ${b1}::uuid and hour < '2026-02-01T00:00:00Z'`,
    );
    expect(cells(cat.other.id, "2026-01-01").map((c) => c.amount.toFixed(4))).toEqual([(Number(janUsed!.used) * 10).toFixed(4)]);
    expect(cells(cat.other.id, "2026-03-01").map((c) => c.amount.toFixed(2))).toEqual(["29760.00"]);
    expect(view.actualMonths.map((a) => [a.providerName, a.months.map((m) => m.toISOString().slice(0, 7))])).toEqual([
      [cat.provider.name, ["2026-01"]],
    ]);
    // January's total: actual 11,916.34 + planned B.
    expect(view.spend[0]!.actual.toFixed(2)).toBe("11916.34");
  });

  it("compares providers on the rollups exactly as on the raw hourly rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const view = await getCostsView(ctx, FILTERS, { asOf: AS_OF, profile: { "tps.H100": "2500" } });
    expect(view.comparison.period).toEqual({ from: d("2026-01-01"), to: d("2026-03-01") });
    // The same function over used hours summed from utilization_hourly, and billing summed from the raw rows.
    const raw = await queryRows<{ reservation_id: string; month: string; used: string }>(
      handle.db,
      sql`select reservation_id, to_char(date_trunc('month', hour at time zone 'UTC'), 'YYYY-MM-DD') as month, sum(used_ah)::text as used
          from utilization_hourly group by 1, 2`,
    );
    const expected = compareProviders({
      months: utcMonths(d("2026-01-01"), 2),
      blocks: await loadCostBlocks(ctx, FILTERS),
      usedAh: monthlyUsage(raw.map((r) => [r.reservation_id, d(r.month), r.used] as const)),
      charges: [
        {
          providerId: cat.provider.id,
          family: "H100",
          month: d("2026-01-01"),
          effective: "11904",
          list: "17260.80",
          contracted: "13332.48",
        },
      ],
      billed: new Set([billedKey(cat.provider.id, d("2026-01-01"))]),
      tokensPerSecond: new Map([
        ["H100", "2500"],
        ["GB200", "12000"],
      ]),
      currency: "USD",
    });
    const flat = (rows: typeof expected.rows) =>
      rows.map((r) => [
        r.providerName,
        r.family,
        r.cost.toFixed(6),
        r.usedAh.toFixed(4),
        r.capacityAh.toFixed(4),
        r.units.perH100eHour?.toFixed(8),
        r.units.perMillionTokens?.toFixed(8),
        r.billing?.list?.toFixed(8) ?? null,
      ]);
    expect(flat(view.comparison.rows)).toEqual(flat(expected.rows));
    expect(view.comparison.rows.length).toBe(2);
    // H100 list per useful AH over January = 17,260.80 ÷ January's used hours.
    const h100 = view.comparison.rows.find((r) => r.family === "H100")!;
    expect(h100.billing!.list!.times(h100.billing!.usedAh).toFixed(2)).toBe("17260.80");
    expect(view.comparison.profile.find((p) => p.family === "H100")).toMatchObject({ tokensPerSecond: "2500", edited: true });
  });

  it("reports commitment metrics of the billed past months per provider", async () => {
    const view = await getCostsView(roleCtx(handle.db, "finance"), FILTERS, { asOf: AS_OF });
    // Used commitment 11,904 of 11,904 → 100 %; coverage 11,904 ÷ (11,904 + 12.34).
    expect(view.commitments.overall!.utilization.rate!.toFixed(4)).toBe("1.0000");
    expect(view.commitments.overall!.coverage.rate!.toFixed(6)).toBe("0.998964");
    // ESR = (17,260.80 + 12.34 − 11,916.34) ÷ 17,273.14 = 5,356.80 ÷ 17,273.14 = 0.3101231…
    expect(view.commitments.overall!.savings.effectiveSavingsRate!.toFixed(6)).toBe("0.310123");
    expect(view.commitments.byProvider.map((p) => p.providerName)).toEqual([cat.provider.name]);
  });

  it("narrows to one provider", async () => {
    const view = await getCostsView(roleCtx(handle.db, "viewer"), { ...FILTERS, provider: cat.other.id }, { asOf: AS_OF });
    expect(new Set(view.cells.map((c) => c.providerId))).toEqual(new Set([cat.other.id]));
    expect(view.commitments.overall).toBeNull();
  });
});
