import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { planDemo } from "./";
import { insertCatalog } from "./catalog";
import { insertOffers } from "./offers";
import { insertSites } from "./sites";

// The offers alone on the demo catalog and sites (the whole portfolio is loaded by seed.int.test.ts).
describeOnEachEngine("demo offers seed", (engine) => {
  let handle: DbHandle;
  let inserted: number;
  const plan = planDemo(new Date("2026-11-17T09:30:00Z"));
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    inserted = await handle.db.transaction(async (tx) => {
      const catalog = await insertCatalog(tx);
      const sites = await insertSites(tx, catalog);
      return insertOffers(tx, plan.offers, { catalog, sites });
    });
  });
  afterAll(() => handle.close());

  it("loads every planned offer within the table's checks", async () => {
    const [row] = await queryRows<{ n: number; owned: number; sited: number; list: number }>(
      handle.db,
      sql`select count(*)::int as n, count(*) filter (where pricing_model = 'owned')::int as owned,
                 count(site_id)::int as sited, count(*) filter (where source = 'list')::int as list from offers`,
    );
    expect(inserted).toBe(plan.offers.length);
    expect(row).toEqual({ n: plan.offers.length, owned: 3, sited: plan.offers.length - 250, list: 250 });
  });

  it("has list prices for most of the demo's leased families", async () => {
    const families = await queryRows<{ family: string }>(
      handle.db,
      sql`select distinct a.family from offers o join accelerator_types a on a.id = o.accelerator_type_id
          where o.source = 'list' order by 1`,
    );
    expect(families.map((f) => f.family)).toEqual(["B200", "GB200", "H100", "H200", "MI300X", "TPU v5p", "TPU v6e"]);
  });
});
