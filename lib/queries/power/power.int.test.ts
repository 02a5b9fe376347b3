import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { acceleratorTypes, powerBudgets, providers, reservations, scenarios, sites } from "@/lib/db/schema";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { isoDay, parseUtc } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import { monthlyHeadroom, type HeadroomPoint } from "@/lib/metrics/power-headroom";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";
import { getPowerPage } from "./";
import { getSiteDetail } from "@/lib/queries/sites/detail";

const s = (v: { toString(): string }) => v.toString();
const month = (p: { from: Date }) => isoDay(p.from).slice(0, 7);
const shape = (monthly: readonly HeadroomPoint[]) =>
  monthly.map((m) => [
    m.month.from.toISOString(),
    m.at.toISOString(),
    s(m.budgetMw),
    s(m.itMw),
    s(m.facilityMw),
    s(m.headroomMw),
    m.overBudget,
  ]);

/**
 * The power definitions applied straight to the table rows, without the planning model: per site not archived, its
 * budget steps and its reservations not archived and not marked expired, drawing power from the later of start and
 * delivery date until end (lib/metrics/power-headroom's monthlyHeadroom).
 */
async function rawHeadroom(
  db: Db,
  months: Period[],
): Promise<{ siteId: string; siteName: string; budgeted: boolean; monthly: HeadroomPoint[] }[]> {
  const [siteRows, budgetRows, blockRows, typeRows] = await Promise.all([
    db.select().from(sites),
    db.select().from(powerBudgets),
    db.select().from(reservations),
    db.select().from(acceleratorTypes),
  ]);
  const systemW = new Map(typeRows.map((t) => [t.id, t.systemW]));
  return siteRows
    .filter((site) => site.archivedAt === null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((site) => {
      const budgets = budgetRows
        .filter((b) => b.siteId === site.id)
        .map((b) => ({
          effectiveFrom: parseUtc(b.effectiveFrom),
          effectiveTo: b.effectiveTo ? parseUtc(b.effectiveTo) : null,
          contractedMw: b.contractedMw,
        }));
      const loads = blockRows
        .filter((r) => r.siteId === site.id && r.archivedAt === null && r.status !== "expired")
        .map((r) => {
          const delivery = r.deliveryDate ? parseUtc(r.deliveryDate) : null;
          const startAt = delivery && delivery > r.startAt ? (delivery < r.endAt ? delivery : r.endAt) : r.startAt;
          return { quantity: r.quantity, systemW: systemW.get(r.acceleratorTypeId)!, startAt, endAt: r.endAt };
        });
      const monthly = monthlyHeadroom({ siteId: site.id, siteName: site.name, pue: site.pue, budgets, loads }, months);
      return { siteId: site.id, siteName: site.name, budgeted: budgets.length > 0, monthly };
    });
}

describeOnEachEngine("getPowerPage", (engine) => {
  let handle: DbHandle;
  const filters = (raw: Record<string, string> = {}) => parsePlanningFilters(raw, { now: FIXTURE_AS_OF, defaults: { range: "12m" } });
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
  });
  afterAll(() => handle.close());

  it("gives the same budget, IT and facility load and headroom per site and month as the power functions over the raw rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const page = await getPowerPage(ctx, filters(), null, FIXTURE_AS_OF);
    // 12 months, the first from asOf (16 Mar 12:00) to 1 Apr
    expect(page.months.map((m) => m.from.toISOString()).slice(0, 2)).toEqual(["2026-03-16T12:00:00.000Z", "2026-04-01T00:00:00.000Z"]);
    expect(page.months).toHaveLength(12);
    const raw = await rawHeadroom(handle.db, page.months);
    const budgeted = raw.filter((r) => r.budgeted);
    expect([...page.sites].sort((a, b) => a.siteName.localeCompare(b.siteName)).map((x) => [x.siteName, shape(x.monthly)])).toEqual(
      budgeted.map((r) => [r.siteName, shape(r.monthly)]),
    );
    expect(page.sites.map((x) => [x.siteName, x.overBudgetMonths])).toEqual(
      page.sites.map((x) => [x.siteName, budgeted.find((r) => r.siteId === x.siteId)!.monthly.filter((m) => m.overBudget).length]),
    );
    // Gamma: no budget, and its only block is marked expired → no load, not listed
    expect(raw.find((r) => r.siteName === "Gamma")!.monthly.every((m) => m.facilityMw.isZero())).toBe(true);
    // Alpha (PUE 1.25, 2 MW until June): May 2 − (1 + 0.8) × 1.25 = −0.25
    expect(page.sites.map((x) => [x.siteName, x.overBudgetMonths, x.firstOver ? month(x.firstOver.month) : null])).toEqual([
      ["Alpha", 1, "2026-05"],
      ["Beta", 0, null],
    ]);
    expect(s(page.sites[0]!.monthly[2]!.headroomMw)).toBe("-0.25");
  });

  it("names the first site over budget and the blocks that cause it, largest first", async () => {
    const page = await getPowerPage(roleCtx(handle.db, "viewer"), filters(), null, FIXTURE_AS_OF);
    expect(page.firstOver).toMatchObject({ siteName: "Alpha", overBudget: true });
    expect(month(page.firstOver!.month)).toBe("2026-05");
    // 1 May: R1 1,000 × 1,000 W = 1 MW IT → 1.25 MW; R2 400 × 2,000 W = 0.8 MW IT → 1.0 MW, new in May; R6 is archived
    const c = page.causes!;
    expect(c.siteName).toBe("Alpha");
    expect(isoDay(c.point.at)).toBe("2026-05-01");
    expect(c.blocks.map((b) => [b.name, s(b.itMw), s(b.facilityMw), b.startedInMonth])).toEqual([
      ["R1", "1", "1.25", false],
      ["R2", "0.8", "1", true],
    ]);
    // Gamma has no budget and its only block is marked expired: nothing to list
    expect(page.unbudgeted).toEqual([]);
  });

  it("lists the blocks of any month asked for, and follows a scenario's PUE", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const [alpha] = await handle.db.select().from(sites).where(eq(sites.name, "Alpha"));
    const march = await getPowerPage(ctx, filters(), `${alpha!.id}:2026-03`, FIXTURE_AS_OF);
    // March from asOf: R1 only → 1.25 MW against 2 MW
    expect(march.causes!.blocks.map((b) => b.name)).toEqual(["R1"]);
    expect(march.causes!.point.overBudget).toBe(false);

    const [scenario] = await handle.db
      .insert(scenarios)
      .values({ name: "Better cooling", overrides: { pueBySite: { [alpha!.id]: "1.1" } } })
      .returning();
    const page = await getPowerPage(ctx, filters({ scenario: scenario!.id }), null, FIXTURE_AS_OF);
    // PUE 1.1: May 2 − 1.8 × 1.1 = 0.02 → no site over budget
    expect(s(page.sites.find((x) => x.siteName === "Alpha")!.monthly[2]!.headroomMw)).toBe("0.02");
    expect(page.firstOver).toBeNull();
    expect(page.causes).toBeNull();
  });

  it("narrows to one site", async () => {
    const [beta] = await handle.db.select().from(sites).where(eq(sites.name, "Beta"));
    const page = await getPowerPage(roleCtx(handle.db, "viewer"), filters({ site: beta!.id }), null, FIXTURE_AS_OF);
    expect(page.sites.map((x) => x.siteName)).toEqual(["Beta"]);
    expect(page.firstOver).toBeNull();
  });

  it("shows on a site's page exactly what /power shows for that site: months, headroom, over-budget months, causes", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const byName = Object.fromEntries((await handle.db.select().from(sites)).map((x) => [x.name, x.id]));
    const power = await getPowerPage(ctx, filters({ range: "24m" }), null, FIXTURE_AS_OF);
    for (const name of ["Alpha", "Beta"]) {
      const detail = (await getSiteDetail(ctx, byName[name]!, FIXTURE_AS_OF))!;
      const onPower = power.sites.find((x) => x.siteId === byName[name])!;
      expect(detail.power.months.map((m) => m.from.toISOString())).toEqual(power.months.map((m) => m.from.toISOString()));
      expect(detail.power.months).toHaveLength(24);
      expect(shape(detail.power.site!.monthly)).toEqual(shape(onPower.monthly));
      expect([detail.power.site!.overBudgetMonths, detail.power.site!.firstOver?.month.from]).toEqual([
        onPower.overBudgetMonths,
        onPower.firstOver?.month.from,
      ]);
      expect(detail.power.unbudgeted).toBeNull();
    }
    // Alpha: over budget in May 2026 only (June's 4 MW covers it); the page lists May's blocks, as /power does for Alpha
    const alpha = (await getSiteDetail(ctx, byName.Alpha!, FIXTURE_AS_OF))!;
    expect(alpha.power.site!.monthly.filter((m) => m.overBudget).map((m) => month(m.month))).toEqual(["2026-05"]);
    const alphaCauses = await getPowerPage(ctx, filters({ range: "24m", site: byName.Alpha! }), `${byName.Alpha}:2026-05`, FIXTURE_AS_OF);
    const blocks = (c: typeof alpha.power.causes) => [
      c!.siteName,
      isoDay(c!.point.at),
      c!.blocks.map((b) => [b.name, s(b.itMw), s(b.facilityMw), b.startedInMonth]),
    ];
    expect(blocks(alpha.power.causes)).toEqual(blocks(alphaCauses.causes));
    expect(blocks(alpha.power.causes)).toEqual([
      "Alpha",
      "2026-05-01",
      [
        ["R1", "1", "1.25", false],
        ["R2", "0.8", "1", true],
      ],
    ]);
    expect(alpha.power.powerHref).toBe(`/power?site=${byName.Alpha}#causes`);
    // A month picked on the site page lists that month's blocks, as /power's ?cause= does
    const march = (await getSiteDetail(ctx, byName.Alpha!, FIXTURE_AS_OF, "2026-03"))!;
    const marchOnPower = await getPowerPage(ctx, filters({ range: "24m" }), `${byName.Alpha}:2026-03`, FIXTURE_AS_OF);
    expect(blocks(march.power.causes)).toEqual(blocks(marchOnPower.causes));
    expect(march.power.causes!.blocks.map((b) => b.name)).toEqual(["R1"]);
    expect(march.power.powerHref).toBe(`/power?site=${byName.Alpha}&cause=${byName.Alpha}%3A2026-03#causes`);
    // Beta never goes over: no causes unless a month is picked
    expect((await getSiteDetail(ctx, byName.Beta!, FIXTURE_AS_OF))!.power.causes).toBeNull();
    // Gamma has no budget and no load: /power does not rank or list it, nor does its page
    const gamma = (await getSiteDetail(ctx, byName.Gamma!, FIXTURE_AS_OF))!;
    expect([gamma.power.site, gamma.power.unbudgeted, gamma.power.causes]).toEqual([null, null, null]);
  });

  it("lists an unbudgeted site's load as /power does, and leaves an archived site out of both", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const [gamma] = await handle.db.select().from(sites).where(eq(sites.name, "Gamma"));
    const [type] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.name, "H100 SXM"));
    const [provider] = await handle.db.select().from(providers).where(eq(providers.name, "Azure"));
    // 100 H100 from 1 Jan, delivered 10 Apr: 0.1 MW IT × 1.2 = 0.12 MW facility from April (the delivery date, not the start)
    await handle.db.insert(reservations).values({
      name: "G1",
      providerId: provider!.id,
      siteId: gamma!.id,
      acceleratorTypeId: type!.id,
      quantity: 100,
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2026-12-01T00:00:00Z"),
      deliveryDate: "2026-04-10",
      pricingModel: "reserved",
      rate: "2",
      status: "planned",
    });
    const page = await getPowerPage(ctx, filters({ range: "24m" }), null, FIXTURE_AS_OF);
    const raw = (await rawHeadroom(handle.db, page.months)).find((r) => r.siteId === gamma!.id)!;
    const listed = page.unbudgeted.find((u) => u.siteId === gamma!.id)!;
    expect(shape(listed.monthly)).toEqual(shape(raw.monthly));
    // each month at its tightest instant: against 0 MW, April's is the delivery day
    expect(raw.monthly.slice(0, 3).map((m) => [isoDay(m.at), s(m.facilityMw)])).toEqual([
      ["2026-03-16", "0"],
      ["2026-04-10", "0.12"],
      ["2026-05-01", "0.12"],
    ]);
    expect(s(listed.peakFacilityMw)).toBe("0.12");

    const detail = (await getSiteDetail(ctx, gamma!.id, FIXTURE_AS_OF))!;
    expect(detail.power.site).toBeNull();
    expect(shape(detail.power.unbudgeted!.monthly)).toEqual(shape(listed.monthly));
    expect(s(detail.power.unbudgeted!.peakFacilityMw)).toBe("0.12");

    await handle.db
      .update(sites)
      .set({ archivedAt: new Date("2026-03-01T00:00:00Z") })
      .where(eq(sites.id, gamma!.id));
    const after = await getPowerPage(ctx, filters({ range: "24m" }), null, FIXTURE_AS_OF);
    expect(after.unbudgeted).toEqual([]);
    const archived = (await getSiteDetail(ctx, gamma!.id, FIXTURE_AS_OF))!;
    expect(archived.archivedAt).not.toBeNull();
    expect([archived.power.site, archived.power.unbudgeted]).toEqual([null, null]);
  });
});
