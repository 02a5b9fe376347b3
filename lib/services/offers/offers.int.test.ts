import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, auditLog, offers, sites } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveOffer, unarchiveOffer } from "./archive";
import { createOffer } from "./create";
import { updateOffer } from "./update";
import { updateAcceleratorType } from "../accelerator-types/update";
import { updateSite } from "../sites/update";

function leased(catalog: Catalog, overrides: Record<string, unknown> = {}) {
  return {
    providerId: catalog.provider.id,
    siteId: catalog.site.id,
    region: "",
    acceleratorTypeId: catalog.type.id,
    pricingModel: "reserved",
    termMonths: "36",
    rate: "2.15",
    currency: "USD",
    capexPerAccelerator: "",
    facilityCapexPerW: "",
    depreciationYears: "",
    powerPerMwh: "",
    opexPerAh: "",
    minQuantity: "1,024",
    maxQuantity: "16384",
    step: "1024",
    leadTimeDays: "120",
    validFrom: "2026-11-01",
    validUntil: "2027-02-01",
    source: "quote",
    note: "Q4 quote",
    ...overrides,
  };
}

// The catalog's H100 has system W 1,400 and its site PUE 1.20.
function build(catalog: Catalog, overrides: Record<string, unknown> = {}) {
  return leased(catalog, {
    pricingModel: "owned",
    termMonths: "60",
    rate: "",
    capexPerAccelerator: "35000",
    facilityCapexPerW: "10",
    depreciationYears: "5",
    powerPerMwh: "80",
    opexPerAh: "0.25",
    leadTimeDays: "365",
    ...overrides,
  });
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describeOnEachEngine("offer verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
  });
  afterAll(() => handle.close());
  const finance = () => roleCtx(handle.db, "finance");
  const count = async () => (await handle.db.select({ id: offers.id }).from(offers)).length;

  it("creates a reserved quote, audited, money exact", async () => {
    const created = await createOffer({ ctx: finance(), input: leased(catalog) });
    expect(created).toMatchObject({
      pricingModel: "reserved",
      termMonths: 36,
      rate: "2.150000",
      minQuantity: 1024,
      maxQuantity: 16384,
      step: 1024,
      leadTimeDays: 120,
      validUntil: "2027-02-01",
      capexPerAccelerator: null,
      region: null,
      version: 1,
    });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "offer.create", actor: "finance@example.com", entityType: "offer" });
  });

  it("creates an on-demand list price in a cloud region with no site", async () => {
    const created = await createOffer({
      ctx: roleCtx(handle.db, "infra"),
      input: leased(catalog, {
        siteId: "",
        region: "us-central1",
        pricingModel: "on_demand",
        termMonths: "",
        rate: "1.382656",
        source: "list",
      }),
    });
    expect(created).toMatchObject({ siteId: null, region: "us-central1", termMonths: null, rate: "1.382656", source: "list" });
  });

  it("computes a build's rate from its inputs, the type's system W and the site's PUE", async () => {
    const created = await createOffer({ ctx: finance(), input: build(catalog, { rate: "99" }) });
    // Capex 35,000 + 10 $/W × 1,400 W = 49,000 over 5 × 8,760 = 43,800 h → 1.118721…; power 1,400 × 1.2 × 80 ÷ 10⁶ = 0.1344;
    // opex 0.25 → 1.118721 + 0.1344 + 0.25 = 1.503121 (a typed rate is replaced).
    expect(created).toMatchObject({ pricingModel: "owned", rate: "1.503121", capexPerAccelerator: "35000.0000", depreciationYears: "5.0" });
  });

  it("recomputes a build's rate when an input changes", async () => {
    const row = await createOffer({ ctx: finance(), input: build(catalog) });
    const after = await updateOffer({ ctx: finance(), input: { id: row.id, version: 1, changes: { opexPerAh: "0.5" } } });
    expect(after.rate).toBe("1.753121");
  });

  describe("refuses bad input and creates nothing", () => {
    it("a site-less offer with no region, a reserved offer without a term, a leased offer without a rate", async () => {
      const before = await count();
      const e = await refusal(createOffer({ ctx: finance(), input: leased(catalog, { siteId: "", termMonths: "", rate: "" }) }));
      expect(e.fieldErrors.region?.[0]).toMatch(/cloud region/);
      expect(e.fieldErrors.termMonths?.[0]).toMatch(/term in months/);
      expect(e.fieldErrors.rate?.[0]).toMatch(/rate per accelerator-hour/);
      expect(await count()).toBe(before);
    });

    it("a spot offer with a term or build inputs, a build without its inputs or site", async () => {
      const e = await refusal(
        createOffer({ ctx: finance(), input: leased(catalog, { pricingModel: "spot", termMonths: "12", capexPerAccelerator: "1" }) }),
      );
      expect(e.fieldErrors.termMonths?.[0]).toMatch(/no term/);
      expect(e.fieldErrors.capexPerAccelerator?.[0]).toMatch(/owned offers only/);
      const f = await refusal(createOffer({ ctx: finance(), input: build(catalog, { siteId: "", region: "x", opexPerAh: "" }) }));
      expect(f.fieldErrors.siteId?.[0]).toMatch(/one of our sites/);
      expect(f.fieldErrors.opexPerAh?.[0]).toMatch(/every build input/);
    });

    it("quantities off the step, a maximum below the minimum, a validity ending first, a negative rate", async () => {
      const e = await refusal(
        createOffer({ ctx: finance(), input: leased(catalog, { minQuantity: "100", maxQuantity: "1000", step: "64", rate: "-1" }) }),
      );
      expect(e.fieldErrors.minQuantity?.[0]).toMatch(/whole number of steps of 64/);
      expect(e.fieldErrors.rate?.[0]).toMatch(/0 or more/);
      const f = await refusal(createOffer({ ctx: finance(), input: leased(catalog, { maxQuantity: "512", validUntil: "2026-10-01" }) }));
      expect(f.fieldErrors.maxQuantity?.[0]).toMatch(/at least the minimum/);
      expect(f.fieldErrors.validUntil?.[0]).toMatch(/end after it starts/);
    });

    it("an archived site newly chosen, and an edit that breaks the rules", async () => {
      const [archived] = await handle.db
        .insert(sites)
        .values({
          name: `Gone ${engine}`,
          providerId: catalog.provider.id,
          regionCode: "x",
          country: "US",
          pue: "1.3",
          archivedAt: new Date(),
        })
        .returning();
      const e = await refusal(createOffer({ ctx: finance(), input: leased(catalog, { siteId: archived!.id }) }));
      expect(e.fieldErrors.siteId?.[0]).toMatch(/archived/);
      const row = await createOffer({ ctx: finance(), input: leased(catalog) });
      const f = await refusal(updateOffer({ ctx: finance(), input: { id: row.id, version: 1, changes: { pricingModel: "on_demand" } } }));
      expect(f.fieldErrors.termMonths?.[0]).toMatch(/no term/);
      const [now] = await handle.db.select().from(offers).where(eq(offers.id, row.id));
      expect(now).toMatchObject({ pricingModel: "reserved", version: 1 });
    });
  });

  it("refuses a viewer everything, changing nothing", async () => {
    const row = await createOffer({ ctx: finance(), input: leased(catalog) });
    const viewer = roleCtx(handle.db, "viewer");
    const before = await count();
    await expect(createOffer({ ctx: viewer, input: leased(catalog) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateOffer({ ctx: viewer, input: { id: row.id, version: 1, changes: { rate: "1" } } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(archiveOffer({ ctx: viewer, input: { id: row.id, version: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before);
    const [now] = await handle.db.select().from(offers).where(eq(offers.id, row.id));
    expect(now).toMatchObject({ rate: "2.150000", version: 1, archivedAt: null });
  });

  it("refuses a stale edit with the changes listed and keeps the newer values", async () => {
    const row = await createOffer({ ctx: finance(), input: leased(catalog) });
    await updateOffer({ ctx: roleCtx(handle.db, "admin"), input: { id: row.id, version: 1, changes: { leadTimeDays: "90" } } });
    const error = await updateOffer({ ctx: finance(), input: { id: row.id, version: 1, changes: { rate: "9" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changes).toContainEqual({ field: "leadTimeDays", before: 120, after: 90 });
    const [now] = await handle.db.select().from(offers).where(eq(offers.id, row.id));
    expect(now).toMatchObject({ leadTimeDays: 90, rate: "2.150000", version: 2 });
  });

  it("archives and unarchives, audited", async () => {
    const row = await createOffer({ ctx: finance(), input: leased(catalog) });
    await archiveOffer({ ctx: finance(), input: { id: row.id, version: 1 } });
    await expect(archiveOffer({ ctx: finance(), input: { id: row.id, version: 2 } })).rejects.toThrow(/already archived/);
    await unarchiveOffer({ ctx: roleCtx(handle.db, "infra"), input: { id: row.id, version: 2 } });
    const entries = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "offer"), eq(auditLog.entityId, row.id)));
    expect(entries.map((e) => e.action)).toEqual(["offer.create", "offer.archive", "offer.unarchive"]);
  });

  it("reprices a build when its site's PUE or its type's system W changes, audited", async () => {
    const row = await createOffer({ ctx: finance(), input: build(catalog) });
    const archived = await createOffer({ ctx: finance(), input: build(catalog) });
    await archiveOffer({ ctx: finance(), input: { id: archived.id, version: 1 } });
    const [site] = await handle.db.select().from(sites).where(eq(sites.id, catalog.site.id));
    await updateSite({ ctx: roleCtx(handle.db, "infra"), input: { id: site!.id, version: site!.version, changes: { pue: "1.5" } } });
    // Power 1,400 W × 1.5 × 80 ÷ 10⁶ = 0.168: 1.118721 + 0.168 + 0.25 = 1.536721.
    const rate = async (id: string) => (await handle.db.select().from(offers).where(eq(offers.id, id)))[0]!;
    expect(await rate(row.id)).toMatchObject({ rate: "1.536721", version: 2 });
    expect(await rate(archived.id)).toMatchObject({ rate: "1.503121" });
    const [type] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, catalog.type.id));
    await updateAcceleratorType({
      ctx: roleCtx(handle.db, "admin"),
      input: { id: type!.id, version: type!.version, changes: { systemW: "1000" } },
    });
    // (35,000 + 10 × 1,000) ÷ 43,800 = 1.027397…; power 1,000 × 1.5 × 80 ÷ 10⁶ = 0.12; + 0.25 → 1.397397.
    expect(await rate(row.id)).toMatchObject({ rate: "1.397397", version: 3 });
    const entries = await handle.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "offer"), eq(auditLog.entityId, row.id)));
    expect(entries.map((e) => `${e.action} by ${e.actor}`)).toEqual([
      "offer.create by finance@example.com",
      "offer.reprice by infra@example.com",
      "offer.reprice by admin@example.com",
    ]);
  });
});
