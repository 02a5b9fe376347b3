import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { imports, skuMappings } from "@/lib/db/schema";
import { matchCharges } from "@/lib/ingest/matching";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { listSkuMappings, parseSkuMappingListParams } from "@/lib/queries/settings/sku-mappings";
import { listUnmatchedCharges, parseUnmatchedListParams } from "./unmatched";

describeOnEachEngine("unmatched charges and SKU mapping counts", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    const db = handle.db;
    await db.insert(skuMappings).values([
      { providerId: catalog.provider.id, skuId: "gpu-8", acceleratorTypeId: catalog.type.id, acceleratorsPerUnit: "8" },
      { providerId: catalog.provider.id, skuId: "gpu-8", regionId: "eu-1", acceleratorTypeId: catalog.type.id, acceleratorsPerUnit: "8" },
    ]);
    const p = catalog.provider.name;
    const ok = await insertImport(db, "running");
    await insertCharges(db, ok, [
      { providerName: p, serviceName: "Compute", skuId: "gpu-8", regionId: "us-1", effectiveCost: "100.0000000001" },
      { providerName: p, serviceName: "Compute", skuId: "gpu-8", regionId: "eu-1", effectiveCost: "50" },
      { providerName: p, serviceName: "Compute", skuId: "gpu-8", regionId: "eu-1", effectiveCost: "50" },
      { providerName: p, serviceName: "Storage", skuId: "disk", regionId: "us-1", effectiveCost: "0.0000000003" },
      { providerName: p, serviceName: "Storage", skuId: "disk", regionId: "us-1", effectiveCost: "0.0000000004" },
      { providerName: p, serviceName: "Network", skuId: "egress", regionId: "us-1", effectiveCost: "12.5" },
      {
        providerName: "Mystery Cloud",
        serviceName: "Compute",
        skuId: "x1",
        regionId: null,
        effectiveCost: "-2.25",
        billingCurrency: "USD",
      },
      { providerName: p, serviceName: "Compute", skuId: "cpu", regionId: "us-1", effectiveCost: "9", billingCurrency: "EUR" },
    ]);
    await matchCharges(db, ok);
    await db.update(imports).set({ status: "succeeded" });
    const failed = await insertImport(db, "running");
    await insertCharges(db, failed, [{ providerName: p, skuId: "disk", regionId: "us-1", effectiveCost: "1000" }]);
  });
  afterAll(() => handle.close());

  it("groups unmatched charges of succeeded imports with exact totals per currency", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const result = await listUnmatchedCharges(ctx, parseUnmatchedListParams({}));
    expect(result.rows.map((g) => [g.provider, g.skuId, g.regionId, g.currency, g.rows, g.effectiveCost])).toEqual([
      [catalog.provider.name, "egress", "us-1", "USD", 1, "12.5000000000"],
      [catalog.provider.name, "cpu", "us-1", "EUR", 1, "9.0000000000"],
      [catalog.provider.name, "disk", "us-1", "USD", 2, "0.0000000007"],
      ["Mystery Cloud", "x1", null, "USD", 1, "-2.2500000000"],
    ]);
    expect(result.rows[0]!.providerId).toBe(catalog.provider.id);
    expect(result.rows[3]!.providerId).toBeNull();
    expect(result.totals).toEqual({
      groups: 4,
      rows: 5,
      byCurrency: [
        { currency: "EUR", rows: 1, effectiveCost: "9.0000000000" },
        { currency: "USD", rows: 4, effectiveCost: "10.2500000007" },
      ],
    });
  });

  it("filters by provider and SKU search and pages on the server", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const filtered = await listUnmatchedCharges(ctx, parseUnmatchedListParams({ provider: "Mystery Cloud" }));
    expect(filtered.rows.map((g) => g.skuId)).toEqual(["x1"]);
    expect(filtered.totals.byCurrency).toEqual([{ currency: "USD", rows: 1, effectiveCost: "-2.2500000000" }]);
    const searched = await listUnmatchedCharges(ctx, parseUnmatchedListParams({ q: "stor" }));
    expect(searched.rows.map((g) => g.skuId)).toEqual(["disk"]);
    const paged = await listUnmatchedCharges(ctx, parseUnmatchedListParams({ size: "25", page: "9", sort: "sku", dir: "asc" }));
    expect(paged.page).toBe(1);
    expect(paged.rows.map((g) => g.skuId)).toEqual(["cpu", "disk", "egress", "x1"]);
  });

  it("counts for each mapping the charges it decides: the region's own mapping takes its region", async () => {
    const result = await listSkuMappings(roleCtx(handle.db, "viewer"), parseSkuMappingListParams({ sort: "region", dir: "asc" }));
    expect(result.rows.map((m) => [m.regionId, m.charges])).toEqual([
      [null, 1],
      ["eu-1", 2],
    ]);
  });
});
