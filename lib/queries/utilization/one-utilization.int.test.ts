import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { DbHandle } from "@/lib/db/client";
import { reservations } from "@/lib/db/schema";
import { isoDay } from "@/lib/metrics/calendar";
import { getOverview, type OverviewResult } from "@/lib/queries/overview";
import { overviewLinks } from "@/lib/queries/overview/points";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";
import { getUtilizationFromUrl } from "./index";

// PRODUCT.md §3: the Overview's utilization KPI and /utilization give one figure for one period, by one rule.

const s = (v: { toString(): string } | null | undefined) => (v == null ? null : v.toString());

/** The Overview card's link, followed: /utilization with the query the card links to. */
async function followLink(ctx: Ctx, overview: OverviewResult, asOf: Date) {
  const href = overviewLinks(overview).utilization;
  expect(href).toBe("/utilization?range=last30d");
  return (await getUtilizationFromUrl(ctx, new URL(href, "http://x").searchParams, asOf)).view;
}

function expectSameFigure(overview: OverviewResult, page: Awaited<ReturnType<typeof followLink>>) {
  const u = overview.utilization;
  expect([isoDay(page.period.from), isoDay(page.period.to)]).toEqual([isoDay(u.window.from), isoDay(u.window.to)]);
  expect(page.grain).toBe("day");
  expect([s(page.total.usedAh), s(page.total.capacityAh), s(page.total.utilization), s(page.total.idleCost)]).toEqual([
    s(u.usedAh),
    s(u.capacityAh),
    s(u.ratio),
    s(u.idleCost),
  ]);
  expect(page.unmeasured.length).toBe(u.unmeasured);
  expect(page.buckets.map((b) => s(b.total.utilization))).toEqual(u.daily.map((d) => s(d.ratio)));
}

describeOnEachEngine("one utilization: Overview KPI and /utilization", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  let overview: OverviewResult;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    await insertOverviewFixture(handle.db);
    // R7: 10 H100 in service all year that never reported — unmeasured.
    const [r1] = await handle.db.select().from(reservations).where(eq(reservations.name, "R1"));
    await handle.db.insert(reservations).values({
      ...r1!,
      id: undefined,
      name: "R7",
      quantity: 10,
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2027-01-01T00:00:00Z"),
      createdAt: undefined,
      updatedAt: undefined,
    });
    overview = await getOverview(viewer, { asOf: FIXTURE_AS_OF });
  });
  afterAll(() => handle.close());

  it("counts measured blocks' capacity over the whole window and leaves the unmeasured block out", async () => {
    // Window [14 Feb, 16 Mar) = 720 h. Measured (a daily row in the window): R1 1,000 × 720 = 720,000 AH;
    // R3 100 × 720 = 72,000; R5 200 × 564 h (from 20 Feb 12:00) = 112,800 → capacity 904,800 AH.
    // Used: R1 18,000 + 12,000, R3 2,400 + 1,200, R5 600 + 2,400 = 36,600 → 36,600 ÷ 904,800 = 61 ÷ 1,508.
    // R7 (10 × 720 = 7,200 AH, no row) is unmeasured: in neither sum, counted once.
    // Idle cost, reserved blocks only: R1 (720,000 − 30,000) × $2 = $1,380,000.
    const u = overview.utilization;
    expect([s(u.usedAh), s(u.capacityAh), u.ratio!.toFixed(8), s(u.idleCost), u.unmeasured]).toEqual([
      "36600",
      "904800",
      "0.04045093",
      "1380000",
      1,
    ]);
    const page = await followLink(viewer, overview, FIXTURE_AS_OF);
    expect(page.unmeasured.map((b) => b.name)).toEqual(["R7"]);
    expectSameFigure(overview, page);
  });
});

describeOnEachEngine("one utilization on the demo data", (engine) => {
  const AS_OF = new Date("2026-11-17T09:30:00Z");
  let handle: DbHandle;
  let viewer: Ctx;

  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
  });
  afterAll(() => handle.close());

  it("gives the same percentage, capacity, use and idle cost on the Overview and /utilization", async () => {
    const overview = await getOverview(viewer, { asOf: AS_OF });
    expect(overview.utilization.ratio).not.toBeNull();
    expectSameFigure(overview, await followLink(viewer, overview, AS_OF));
  });
});
