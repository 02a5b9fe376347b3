import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { scenarios, sites } from "@/lib/db/schema";
import { parsePlanningFilters } from "@/lib/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { loadPower } from "./overview/power";
import { FIXTURE_AS_OF, insertOverviewFixture } from "./overview/test-fixture";
import { getPowerPage } from "./power";

const s = (v: { toString(): string }) => v.toString();
const month = (p: { from: Date }) => isoDay(p.from).slice(0, 7);

describeOnEachEngine("getPowerPage", (engine) => {
  let handle: DbHandle;
  const filters = (raw: Record<string, string> = {}) => parsePlanningFilters(raw, { now: FIXTURE_AS_OF, defaults: { range: "12m" } });
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
  });
  afterAll(() => handle.close());

  it("gives the same headroom per site and month as the overview's query over the raw rows", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const [page, raw] = await Promise.all([getPowerPage(ctx, filters(), null, FIXTURE_AS_OF), loadPower(handle.db, FIXTURE_AS_OF)]);
    expect(page.months.map((m) => m.from.toISOString())).toEqual(raw.months.map((m) => m.from.toISOString()));
    const shape = (sites: { siteName: string; monthly: { headroomMw: unknown; facilityMw: unknown; itMw: unknown; overBudget: boolean }[] }[]) =>
      sites.map((x) => [x.siteName, x.monthly.map((m) => [String(m.headroomMw), String(m.facilityMw), String(m.itMw), m.overBudget])]);
    expect(shape(page.sites)).toEqual(shape(raw.sites));
    // Alpha (PUE 1.25, 2 MW until June): May 2 − (1 + 0.8) × 1.25 = −0.25
    expect(page.sites.map((x) => [x.siteName, x.overBudgetMonths, x.firstOver ? month(x.firstOver.month) : null])).toEqual([
      ["Alpha", 1, "2026-05"],
      ["Beta", 0, null],
    ]);
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

    const [scenario] = await handle.db.insert(scenarios).values({ name: "Better cooling", overrides: { pueBySite: { [alpha!.id]: "1.1" } } }).returning();
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
});
