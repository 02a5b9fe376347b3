import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { offers } from "@/lib/db/schema";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getOfferDetail, offerListPage, parseOfferListParams } from "./";

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
});
