import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { DbHandle } from "@/lib/db/client";
import { powerBudgets } from "@/lib/db/schema";
import { createScenario } from "@/lib/services/scenarios/create";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getScenarioPowerImpact } from "./impact";

const AS_OF = new Date("2026-03-15T00:00:00Z");
const ym = (d: Date) => d.toISOString().slice(0, 7);

describeOnEachEngine("the power budgets a scenario pushes over", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    catalog = await insertCatalog(handle.db);
    // The fixture's site: PUE 1.20, 1 MW from 2026-01-01; its type draws 1,400 W. The register holds 8 of them,
    // Feb – Aug 2026: 8 × 1,400 W = 0.0112 MW IT × 1.2 = 0.01344 MW, so 0.98656 MW to spare.
    await handle.db.insert(powerBudgets).values({ siteId: catalog.site.id, effectiveFrom: "2026-01-01", contractedMw: "1" });
    await insertReservationRow(handle.db, catalog);
  });
  afterAll(() => handle.close());

  const addBlock = (quantity: string) => ({
    name: "Extra",
    providerId: catalog.provider.id,
    siteId: catalog.site.id,
    acceleratorTypeId: catalog.type.id,
    quantity,
    startAt: "2026-06-01",
    endAt: "2026-09-01",
    pricingModel: "reserved",
    rate: "2",
  });

  it("names the site and the months a scenario's block pushes over budget, with the lowest headroom from → to", async () => {
    // + 1,000 × 1,400 W = 1.4 MW IT × 1.2 = 1.68 MW from June to August: with the register's block (until 1 Aug),
    // June and July reach 1 − (1.68 + 0.01344) = −0.69344 MW; August 1 − 1.68 = −0.68 MW. Baseline lowest: 0.98656.
    const s = await createScenario({
      ctx: roleCtx(handle.db, "infra"),
      input: { name: "Big block", overrides: { addReservations: [addBlock("1000")] } },
    });
    const impact = await getScenarioPowerImpact(viewer, s.id, AS_OF);
    expect(impact.months).toHaveLength(24);
    expect(impact.pushedOver).toHaveLength(1);
    const [site] = impact.pushedOver;
    expect(site!.siteName).toBe(catalog.site.name);
    expect(site!.from!.toString()).toBe("0.98656");
    expect(site!.to!.toString()).toBe("-0.69344");
    expect(site!.pushedOver.map((p) => ym(p.from))).toEqual(["2026-06", "2026-07", "2026-08"]);
    expect(site!.newlyOver).toHaveLength(3);
  });

  it("lists no site for a scenario that stays within every budget", async () => {
    // + 100 × 1,400 W × 1.2 = 0.168 MW: 1 − 0.18144 = 0.81856 MW to spare at worst.
    const s = await createScenario({
      ctx: roleCtx(handle.db, "infra"),
      input: { name: "Small block", overrides: { addReservations: [addBlock("100")] } },
    });
    expect((await getScenarioPowerImpact(viewer, s.id, AS_OF)).pushedOver).toEqual([]);
  });
});
