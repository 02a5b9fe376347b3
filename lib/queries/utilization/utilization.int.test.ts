import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes, sites } from "@/lib/db/schema";
import { rollUpUtilization } from "@/lib/ingest/utilization/rollups";
import { utcDays, utcMonths } from "@/lib/metrics/calendar";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { summarizeUtilization } from "@/lib/metrics/utilization-view";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { loadCostBlocks } from "../costs/blocks";
import { chooseGrain, getUtilizationView } from "./index";

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const AS_OF = d("2026-03-10T12:00:00Z");
const FILTERS = { from: d("2026-01-01"), to: d("2026-04-01"), provider: null, family: null, site: null };

async function insertHourly(db: DbHandle["db"], reservationId: string, quantity: number, from: string, to: string) {
  await db.execute(sql`insert into utilization_hourly (reservation_id, hour, used_ah)
    select ${reservationId}::uuid, h, least(${String(quantity)}::numeric, ((extract(hour from h at time zone 'UTC')::int % 7) + (extract(day from h at time zone 'UTC')::int % 4)) * ${String(quantity / 10)}::numeric)
    from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 hour', interval '1 hour') h`);
}

describeOnEachEngine("utilization view", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  let late: string;

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
    const [west] = await db
      .insert(sites)
      .values({ name: `West ${cat.site.name}`, providerId: cat.other.id, regionCode: "us-west", country: "US", pue: "1.3" })
      .returning();
    const a = await insertReservationRow(db, cat, {
      quantity: 10,
      startAt: d("2026-01-01"),
      endAt: d("2026-06-01"),
      rate: "2",
      status: "active",
    });
    const b = await insertReservationRow(db, cat, {
      providerId: cat.other.id,
      siteId: west!.id,
      acceleratorTypeId: gb200!.id,
      quantity: 4,
      startAt: d("2026-01-20"),
      endAt: d("2026-03-05"),
      pricingModel: "spot",
      rate: "3",
      status: "active",
    });
    // Delivered on 1 Feb though it starts in January: capacity counts from delivery.
    late = (
      await insertReservationRow(db, cat, {
        quantity: 20,
        startAt: d("2026-01-01"),
        endAt: d("2026-12-01"),
        deliveryDate: "2026-02-01",
        rate: "4",
        status: "active",
      })
    ).id;
    await insertHourly(db, a.id, 10, "2026-01-01T00:00:00Z", "2026-03-10T00:00:00Z");
    await insertHourly(db, b.id, 4, "2026-01-20T00:00:00Z", "2026-03-05T00:00:00Z");
    await insertHourly(db, late, 20, "2026-02-03T00:00:00Z", "2026-03-08T00:00:00Z");
    await rollUpUtilization(db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  async function rawUsed(unit: "month" | "day") {
    const rows = await queryRows<{ id: string; bucket: string; used: string }>(
      handle.db,
      sql`select reservation_id as id, to_char(date_trunc(${unit}, hour at time zone 'UTC'), 'YYYY-MM-DD') as bucket, sum(used_ah)::text as used
          from utilization_hourly group by 1, 2`,
    );
    return monthlyUsage(rows.map((r) => [r.id, d(r.bucket), r.used] as const));
  }

  const flat = (v: {
    buckets: {
      bucket: { from: Date };
      total: {
        capacityAh: { toFixed(n: number): string };
        usedAh: { toFixed(n: number): string };
        idleCost: { toFixed(n: number): string };
      };
    }[];
  }) =>
    v.buckets.map((b) => [
      b.bucket.from.toISOString().slice(0, 10),
      b.total.capacityAh.toFixed(4),
      b.total.usedAh.toFixed(4),
      b.total.idleCost.toFixed(4),
    ]);

  it("equals, month by month, the same function applied to the raw hourly rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const view = await getUtilizationView(ctx, FILTERS, { asOf: AS_OF, grain: "month", by: "family" });
    const expected = summarizeUtilization({
      buckets: utcMonths(FILTERS.from, 3),
      blocks: await loadCostBlocks(ctx, FILTERS),
      usedAh: await rawUsed("month"),
      measuredTo: d("2026-03-10"),
      by: "family",
      currency: "USD",
    });
    expect(flat(view)).toEqual(flat(expected));
    expect(view.blocks.map((b) => [b.block.id, b.idleCost.toFixed(4)])).toEqual(
      expected.blocks.map((b) => [b.block.id, b.idleCost.toFixed(4)]),
    );
    expect([...view.buckets[1]!.groups.keys()].sort()).toEqual(["GB200", "H100"]);
    // January: a 10 × 744 + b 4 × 12 days × 24 h = 7,440 + 1,152 = 8,592 AH; the late block adds nothing before 1 Feb.
    expect(view.buckets[0]!.total.capacityAh.toFixed(0)).toBe("8592");
    // The late block reports from 3 Feb to 8 Mar; its unreported days still count as idle capacity.
    const lateRow = view.blocks.find((b) => b.block.id === late)!;
    // capacity 20 × (672 + 9 × 24) = 17,760 AH up to the start of 10 March
    expect(lateRow.capacityAh.toFixed(0)).toBe("17760");
    expect(lateRow.idleCost.toFixed(4)).toBe(lateRow.capacityAh.minus(lateRow.usedAh).times(4).toFixed(4));
  });

  it("equals, day by day, the same function applied to the raw hourly rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const feb = { ...FILTERS, from: d("2026-02-01"), to: d("2026-04-01") };
    const view = await getUtilizationView(ctx, feb, { asOf: AS_OF, grain: "day", by: "site" });
    const expected = summarizeUtilization({
      buckets: utcDays({ from: feb.from, to: feb.to }),
      blocks: await loadCostBlocks(ctx, feb),
      usedAh: await rawUsed("day"),
      measuredTo: d("2026-03-10"),
      by: "site",
      currency: "USD",
    });
    expect(view.buckets).toHaveLength(59);
    expect(flat(view)).toEqual(flat(expected));
    // Days from 10 March on are not measured yet: no capacity, no utilization.
    expect(view.buckets.find((b) => b.bucket.from.getTime() === d("2026-03-12").getTime())!.total.utilization).toBeNull();
  });

  it("narrows by family and site, and picks daily points only for short ranges", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const gb = await getUtilizationView(ctx, { ...FILTERS, family: "GB200" }, { asOf: AS_OF });
    expect(gb.groups).toEqual(["GB200"]);
    expect(gb.total.idleCost.toFixed(2)).toBe("0.00"); // spot blocks pay only for hours used
    const site = await getUtilizationView(ctx, { ...FILTERS, site: cat.site.id }, { asOf: AS_OF, by: "site" });
    expect(site.groups).toEqual([cat.site.name]);
    expect(chooseGrain(undefined, d("2026-01-01"), d("2026-04-01"))).toBe("day");
    expect(chooseGrain(undefined, d("2026-01-01"), d("2026-05-01"))).toBe("month");
    expect(chooseGrain("day", d("2026-01-01"), d("2027-01-01"))).toBe("month");
  });
});
