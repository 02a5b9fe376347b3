import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, skuMappings } from "@/lib/db/schema";
import { matchCharges } from "@/lib/ingest/matching";
import { chargesOf, insertCharges, insertImport } from "@/lib/testing/charges";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveSkuMapping, unarchiveSkuMapping } from "./archive";
import { createSkuMapping } from "./create";
import { updateSkuMapping } from "./update";

describeOnEachEngine("SKU mapping verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let importId: number;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    importId = await insertImport(handle.db);
    await insertCharges(handle.db, importId, [
      { providerName: catalog.provider.name, skuId: "p5.48xlarge", regionId: "us-east-1" },
      { providerName: catalog.provider.name, skuId: "p5.48xlarge", regionId: "eu-west-1" },
      { providerName: catalog.provider.name, skuId: "m7i.large", regionId: "us-east-1" },
    ]);
    await matchCharges(handle.db, importId);
  });
  afterAll(() => handle.close());

  const types = async () => (await chargesOf(handle.db, importId)).map((c) => c.acceleratorTypeId);

  it("creates a mapping, audits it and ties the provider's existing charges at once", async () => {
    const admin = roleCtx(handle.db, "admin");
    const created = await createSkuMapping({
      ctx: admin,
      input: {
        providerId: catalog.provider.id,
        skuId: " p5.48xlarge ",
        regionId: "",
        acceleratorTypeId: catalog.type.id,
        acceleratorsPerUnit: "8",
      },
    });
    expect(created).toMatchObject({ skuId: "p5.48xlarge", regionId: null, acceleratorsPerUnit: "8.0000", version: 1 });
    expect(await types()).toEqual([catalog.type.id, catalog.type.id, null]);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "sku_mapping.create", actor: "admin@example.com" });
  });

  it("refuses a second mapping of the same SKU and region, a zero count and a stale edit", async () => {
    const admin = roleCtx(handle.db, "admin");
    const input = { providerId: catalog.provider.id, skuId: "p5.48xlarge", acceleratorTypeId: catalog.type.id, acceleratorsPerUnit: "8" };
    const dup = await createSkuMapping({ ctx: admin, input }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect((dup as ValidationError).fieldErrors.skuId?.[0]).toContain("already mapped");
    await expect(createSkuMapping({ ctx: admin, input: { ...input, regionId: "us-west-2", acceleratorsPerUnit: "0" } })).rejects.toThrow(
      /more than 0/,
    );
    const [m] = await handle.db.select().from(skuMappings).where(eq(skuMappings.skuId, "p5.48xlarge"));
    await updateSkuMapping({ ctx: admin, input: { id: m!.id, version: m!.version, changes: { acceleratorsPerUnit: "8.5" } } });
    await expect(
      updateSkuMapping({ ctx: admin, input: { id: m!.id, version: m!.version, changes: { acceleratorsPerUnit: "7" } } }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("moves charges when a mapping is narrowed to a region, and releases them when archived", async () => {
    const admin = roleCtx(handle.db, "admin");
    const [m] = await handle.db.select().from(skuMappings).where(eq(skuMappings.skuId, "p5.48xlarge"));
    const narrowed = await updateSkuMapping({ ctx: admin, input: { id: m!.id, version: m!.version, changes: { regionId: "eu-west-1" } } });
    expect(await types()).toEqual([null, catalog.type.id, null]);
    const archived = await archiveSkuMapping({ ctx: admin, input: { id: narrowed.id, version: narrowed.version } });
    expect(await types()).toEqual([null, null, null]);
    await unarchiveSkuMapping({ ctx: admin, input: { id: archived.id, version: archived.version } });
    expect(await types()).toEqual([null, catalog.type.id, null]);
  });

  it("refuses infra and viewers (no billing.map) and changes nothing", async () => {
    const before = await handle.db.select().from(skuMappings);
    for (const role of ["infra", "viewer"] as const) {
      const input = { providerId: catalog.provider.id, skuId: "m7i.large", acceleratorTypeId: catalog.type.id, acceleratorsPerUnit: "1" };
      await expect(createSkuMapping({ ctx: roleCtx(handle.db, role), input })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await handle.db.select().from(skuMappings)).toEqual(before);
    expect(await types()).toEqual([null, catalog.type.id, null]);
  });
});
