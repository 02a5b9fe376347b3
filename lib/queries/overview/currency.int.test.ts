import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { DbHandle } from "@/lib/db/client";
import { contracts, reservations } from "@/lib/db/schema";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";
import { getOverview } from "./";

// Reporting currency: every money KPI on the Overview in USD, other currencies at HEADROOM_FX_RATES, and a KPI
// that leaves something out says so. The fixture (overview-fixture.ts) plus R7, 10 H100 reserved at 2 EUR per
// accelerator-hour over 2026, and C9, an active contract of 1,000,000 JPY.

describeOnEachEngine("Overview money in USD", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    await insertOverviewFixture(handle.db);
    const [r1] = await handle.db.select().from(reservations).where(eq(reservations.name, "R1"));
    await handle.db.insert(reservations).values({
      ...r1!,
      id: undefined,
      name: "R7",
      quantity: 10,
      rate: "2",
      currency: "EUR",
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2027-01-01T00:00:00Z"),
      createdAt: undefined,
      updatedAt: undefined,
    });
    const [c1] = await handle.db.select().from(contracts).where(eq(contracts.name, "C1"));
    await handle.db.insert(contracts).values({
      ...c1!,
      id: undefined,
      name: "C9",
      reference: null,
      committedAmount: "1000000",
      currency: "JPY",
      createdAt: undefined,
      updatedAt: undefined,
    });
  });
  afterAll(() => handle.close());

  it("prices a EUR block at its rate in spend to date and the forecast, as /costs does", async () => {
    const none = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: {} });
    const fx = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: { EUR: "1.08" } });
    // Without a rate R7 is left out, and said so; the figures are the fixture's own (overview.int.test.ts, where
    // Azure's February is billed; here it is planned: 3,286,100.49 − 118,100.49 + 171,840 = 3,339,840).
    expect([none.spend.toDate.total.toFixed(2), none.spend.forecast.total.toFixed(2)]).toEqual(["3339840.00", "18357600.00"]);
    expect(none.spend.unconverted).toEqual([{ currency: "EUR", count: 1 }]);
    // To date (Jan–Feb 2026, Own has no billing): 10 × 1,416 h × 2 EUR = 28,320 EUR × 1.08 = 30,585.60 USD.
    // Forecast (Mar–Dec 2026 of R7's term): 10 × 7,344 h × 2 = 146,880 EUR × 1.08 = 158,630.40 USD.
    expect(fx.spend.toDate.total.minus(none.spend.toDate.total).toFixed(2)).toBe("30585.60");
    expect(fx.spend.forecast.total.minus(none.spend.forecast.total).toFixed(2)).toBe("158630.40");
    expect(fx.spend.unconverted).toEqual([]);
    const costs = await getCostsFromUrl(viewer, { range: "12m" }, FIXTURE_AS_OF, { EUR: "1.08" });
    expect(costs.view.spend.map((m) => m.total.toFixed(2))).toEqual(fx.spend.forecast.months.map((m) => m.total.toFixed(2)));
    expect(costs.view.unconverted).toEqual([]);
    const noRate = await getCostsFromUrl(viewer, { range: "12m" }, FIXTURE_AS_OF, {});
    expect(noRate.view.unconverted).toEqual([{ currency: "EUR", count: 1 }]);
  });

  it("counts a JPY contract when it has a rate and says it left it out when it has none", async () => {
    // USD: 1,250,100.00 (overview.int.test.ts) + C7 123 EUR × 1.08 = 132.84 + C9 1,000,000 JPY × 0.0067 = 6,700
    const all = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: { EUR: "1.08", JPY: "0.0067" } });
    expect([all.committed.total.toFixed(2), all.committed.contracts]).toEqual(["1256932.84", 5]);
    expect(all.committed.unconverted).toEqual([]);
    const some = await getOverview(viewer, { asOf: FIXTURE_AS_OF, fxRates: { EUR: "1.08" } });
    expect([some.committed.total.toFixed(2), some.committed.contracts]).toEqual(["1250232.84", 4]);
    expect(some.committed.unconverted).toEqual([{ currency: "JPY", count: 1 }]);
  });
});
