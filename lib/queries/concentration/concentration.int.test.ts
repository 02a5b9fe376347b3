import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { parseUtc } from "@/lib/metrics/calendar";
import { averageUnitsByMonth } from "@/lib/metrics/capacity-demand";
import { dec } from "@/lib/metrics/decimal";
import { runwayMonth } from "@/lib/metrics/runway";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import { getConcentration } from "./";
import { isoTs } from "@/lib/db/sql";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";

const s = (v: { toString(): string }) => v.toString();
const month = (p: { from: Date } | null) => (p ? p.from.toISOString().slice(0, 7) : null);

describeOnEachEngine("getConcentration", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
  });
  afterAll(() => handle.close());

  it("gives shares of the H100e in service, HHI per dimension and the largest dependency", async () => {
    const page = await getConcentration(roleCtx(handle.db, "viewer"), { scenario: null, family: null }, FIXTURE_AS_OF);
    // In service on 16 Mar 2026: R1 Own/Alpha 1,000 H100 × 1 = 1,000; R3 Azure/Beta 100 H100 × 1 = 100;
    // R5 Azure/Beta 200 MI300X × 1.25 = 250. R2 starts in May, R4 ended in February, R6 is archived. Total 1,350.
    expect(s(page.totalH100e)).toBe("1350");
    expect(page.shares.provider.map((x) => [x.label, s(x.h100e)])).toEqual([
      ["Own", "1000"],
      ["Azure", "350"],
    ]);
    expect(page.shares.vendor.map((x) => [x.label, s(x.h100e)])).toEqual([
      ["NVIDIA", "1100"],
      ["AMD", "250"],
    ]);
    expect(page.shares.site.map((x) => [x.label, s(x.h100e)])).toEqual([
      ["Alpha", "1000"],
      ["Beta", "350"],
    ]);
    // provider: (1,000² + 350²) ÷ 1,350² × 10,000 = 1,122,500 ÷ 1,822,500 × 10,000 = 6,159.12
    // vendor: (1,100² + 250²) ÷ 1,350² × 10,000 = 1,272,500 ÷ 1,822,500 × 10,000 = 6,982.17
    expect(page.hhi.provider.value.toFixed(2)).toBe("6159.12");
    expect(page.hhi.vendor.value.toFixed(2)).toBe("6982.17");
    expect(page.hhi.site.value.toFixed(2)).toBe("6159.12");
    expect(page.hhi.vendor.reading).toBe("high");
    // NVIDIA 1,100 ÷ 1,350 = 81.5 %
    expect(page.largest).toMatchObject({ dimension: "vendor", label: "NVIDIA" });
    expect(page.largest!.share.toFixed(4)).toBe("0.8148");
  });

  it("takes the runway line of the capacity page and removes each member's blocks from it, read from the raw rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const [page, runway, rows] = await Promise.all([
      getConcentration(ctx, { scenario: null, family: null }, FIXTURE_AS_OF),
      loadCapacityRunway(ctx, { asOf: FIXTURE_AS_OF }),
      queryRows<{ provider: string; vendor: string; site: string; quantity: number; factor: string; start_at: string; end_at: string }>(
        handle.db,
        sql`select p.name as provider, t.vendor, s.name as site, r.quantity, t.h100_equivalent::text as factor,
                   ${isoTs("r.start_at")} as start_at, ${isoTs("r.end_at")} as end_at
            from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
            join accelerator_types t on t.id = r.accelerator_type_id
            where r.archived_at is null`,
      ),
    ]);
    expect(month(page.loss.runway)).toBe(month(runway.overall.runway));
    expect(page.months.map((m) => m.from.getTime())).toEqual(runway.overall.points.map((p) => p.month.from.getTime()));
    for (const r of page.loss.rows) {
      const mine = rows
        .filter((x) => (r.dimension === "provider" ? x.provider : r.dimension === "vendor" ? x.vendor : x.site) === r.label)
        .map((x) => ({ units: dec(x.factor).times(x.quantity), startAt: parseUtc(x.start_at), endAt: parseUtc(x.end_at) }));
      const expected = runwayMonth(
        runway.overall.points.map((p) => ({
          month: p.month,
          capacity: p.capacity.minus(averageUnitsByMonth(mine, [p.month])[0]!),
          demand: p.demand.median,
        })),
      );
      expect([r.dimension, r.label, month(r.runwayLeft)]).toEqual([r.dimension, r.label, month(expected)]);
    }
    // With everything the line runs short in July 2026 (as on the capacity page); losing any member brings it to March
    expect(month(page.loss.runway)).toBe("2026-07");
    expect(page.loss.rows.map((x) => [x.label, month(x.runwayLeft)])).toEqual(
      ["Own", "Azure", "NVIDIA", "AMD", "Alpha", "Beta"].map((label) => [label, "2026-03"]),
    );
    // capacity left now: without Own 1,350 − 1,000 = 350; without AMD 1,350 − 250 = 1,100
    const row = (label: string) => page.loss.rows.find((x) => x.label === label)!;
    expect([s(row("Own").capacityLeft), row("Own").shareLeft.toFixed(4)]).toEqual(["350", "0.2593"]);
    expect(s(row("AMD").capacityLeft)).toBe("1100");
    // Gamma holds only R4, ended before the forecast months: nothing to lose, not listed
    expect(page.loss.rows.some((x) => x.label === "Gamma")).toBe(false);
  });

  it("narrows to one family", async () => {
    const page = await getConcentration(roleCtx(handle.db, "viewer"), { scenario: null, family: "MI300X" }, FIXTURE_AS_OF);
    expect(s(page.totalH100e)).toBe("250");
    expect(page.shares.vendor.map((x) => [x.label, s(x.share)])).toEqual([["AMD", "1"]]);
    expect(s(page.hhi.provider.value)).toBe("10000");
  });
});
