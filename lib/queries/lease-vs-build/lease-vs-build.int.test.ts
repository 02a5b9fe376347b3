import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, providers, reservations, sites } from "@/lib/db/schema";
import { parseLeaseParams, resolveLease } from "@/lib/queries/lease-vs-build/params";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getLeaseCatalog } from "./";
import { FIXTURE_AS_OF, insertOverviewFixture } from "@/lib/testing/overview-fixture";

describeOnEachEngine("getLeaseCatalog", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertOverviewFixture(handle.db);
    const [own] = await handle.db.select().from(providers).where(eq(providers.name, "Own"));
    const [alpha] = await handle.db.select().from(sites).where(eq(sites.name, "Alpha"));
    const [h100] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.name, "H100 SXM"));
    const block = (name: string, rate: string, extra = {}) => ({
      name,
      providerId: own!.id,
      siteId: alpha!.id,
      acceleratorTypeId: h100!.id,
      quantity: 8,
      startAt: new Date("2026-01-01T00:00:00Z"),
      endAt: new Date("2027-01-01T00:00:00Z"),
      pricingModel: "reserved" as const,
      rate,
      status: "active" as const,
      ...extra,
    });
    await handle.db
      .insert(reservations)
      .values([
        block("L1", "2.6"),
        block("L2", "2.3"),
        block("L3 euro", "1", { currency: "EUR" }),
        block("L4 expired", "1", { status: "expired" }),
        block("L5 archived", "1", { archivedAt: new Date("2026-02-01T00:00:00Z") }),
      ]);
  });
  afterAll(() => handle.close());

  it("gives the median rate of each type's current USD reservations, reserved apart from on demand", async () => {
    const catalog = await getLeaseCatalog(roleCtx(handle.db, "viewer"), FIXTURE_AS_OF);
    // H100 reserved now: R1 2.00, L1 2.60, L2 2.30 → sorted 2.00, 2.30, 2.60 → 2.30 (EUR, expired, archived left out)
    // H100 on demand now: R3 3.00. MI300X spot: R5 1.50. B200: R2 not started, R4 ended → none.
    const byName = Object.fromEntries(catalog.types.map((t) => [t.name, t]));
    expect(byName["H100 SXM"]).toMatchObject({
      systemW: 1000,
      medianRate: { reserved: "2.3", usage: "3" },
      rateCounts: { reserved: 3, usage: 1 },
    });
    expect(byName["MI300X"]).toMatchObject({ medianRate: { reserved: null, usage: "1.5" }, rateCounts: { reserved: 0, usage: 1 } });
    expect(byName["B200"]).toMatchObject({ medianRate: { reserved: null, usage: null } });
    expect(catalog.sites.map((s) => [s.name, s.pue, s.owned])).toEqual([
      ["Alpha", "1.25", true],
      ["Beta", "1.50", false],
      ["Gamma", "1.20", false],
    ]);
  });

  it("defaults the calculator to the most leased type at our own site", async () => {
    const r = resolveLease(parseLeaseParams({}), await getLeaseCatalog(roleCtx(handle.db, "viewer"), FIXTURE_AS_OF));
    expect([r.type?.name, r.site?.name, r.values.rate, r.input?.pue]).toEqual(["H100 SXM", "Alpha", "2.3", "1.25"]);
  });
});
