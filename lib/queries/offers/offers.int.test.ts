import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { offers } from "@/lib/db/schema";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getOfferDetail, offerListPage, parseOfferListParams } from "./";
import { getMarketRates } from "./market";

describeOnEachEngine("offer list", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  const ctx = () => roleCtx(handle.db, "viewer");
  const list = async (query: string) =>
    (await offerListPage(ctx(), parseOfferListParams(new URLSearchParams(query)))).rows.map((r) => `${r.pricingModel} ${r.rate}`);
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db, "offers");
    const base = { providerId: catalog.provider.id, acceleratorTypeId: catalog.type.id, validFrom: "2026-01-01" };
    await handle.db.insert(offers).values([
      { ...base, region: "us-east-1", pricingModel: "on_demand", rate: "6.88", source: "list", note: "p5.48xlarge" },
      { ...base, region: "us-east-1", pricingModel: "spot", rate: "1.279963", source: "list" },
      {
        ...base,
        providerId: catalog.other.id,
        siteId: catalog.site.id,
        pricingModel: "reserved",
        termMonths: 36,
        rate: "2.1",
        source: "quote",
      },
      { ...base, region: "eu-west4", pricingModel: "spot", rate: "0.5", source: "list", archivedAt: new Date() },
    ]);
  });
  afterAll(() => handle.close());

  it("lists current offers cheapest first and filters by model, source, provider and site", async () => {
    expect(await list("")).toEqual(["spot 1.279963", "reserved 2.100000", "on_demand 6.880000"]);
    expect(await list("model=spot")).toEqual(["spot 1.279963"]);
    expect(await list("source=quote")).toEqual(["reserved 2.100000"]);
    expect(await list(`provider=${catalog.provider.id}&sort=rate&dir=desc`)).toEqual(["on_demand 6.880000", "spot 1.279963"]);
    expect(await list(`site=${catalog.site.id}`)).toEqual(["reserved 2.100000"]);
    expect(await list("family=TPU")).toEqual([]);
  });

  it("searches region and note, shows archived offers when asked, ignores a malformed filter", async () => {
    expect(await list("q=p5.48")).toEqual(["on_demand 6.880000"]);
    expect(await list("archived=only")).toEqual(["spot 0.500000"]);
    expect(await list("model=lease")).toHaveLength(3);
  });

  it("sorts by site or region, a site first by its name", async () => {
    const page = await offerListPage(ctx(), parseOfferListParams({ sort: "where", dir: "asc" }));
    expect(page.rows.map((r) => r.siteName ?? r.region)).toEqual([`Site offers`, "us-east-1", "us-east-1"]);
  });

  it("reads one offer with its names, or null", async () => {
    const [first] = (await offerListPage(ctx(), parseOfferListParams({ source: "quote" }))).rows;
    const detail = await getOfferDetail(ctx(), first!.id);
    expect(detail).toMatchObject({ providerName: catalog.other.name, siteName: catalog.site.name, sitePue: "1.20", systemW: 1400 });
    expect(await getOfferDetail(ctx(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("sets each block held today against the list prices, furthest above the median first", async () => {
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    const held = { startAt: d("2026-01-01"), endAt: d("2027-01-01"), status: "active" as const };
    await insertReservationRow(handle.db, catalog, { ...held, name: "Cheap", rate: "2", quantity: 8 });
    await insertReservationRow(handle.db, catalog, { ...held, name: "Dear", rate: "9", quantity: 8 });
    await insertReservationRow(handle.db, catalog, { ...held, name: "Spot", rate: "1", quantity: 8, pricingModel: "spot" });
    await insertReservationRow(handle.db, catalog, { ...held, name: "Over", endAt: d("2026-03-01"), status: "expired" });
    const rows = await getMarketRates(ctx(), { provider: null, family: null, site: null }, d("2026-06-01"));
    // Reserved and on-demand blocks against the list's on-demand 6.88 only (spot and the quote left out): Dear 9 → 100th,
    // (9 − 6.88) × 8 × 8,760 = 148,569.6; Cheap 2 → 0th, −341,990.4. Spot 1 against spot 1.279963 (archived 0.5 left out): −0.279963 × 70,080 = −19,619.80704.
    expect(rows.map((r) => [r.name, r.market?.percentile.toString(), r.market?.abovePerYear.toString()])).toEqual([
      ["Dear", "100", "148569.6"],
      ["Spot", "0", "-19619.80704"],
      ["Cheap", "0", "-341990.4"],
    ]);
  });
});
