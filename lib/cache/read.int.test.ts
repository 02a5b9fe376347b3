import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { bumpDataVersion, readDataVersion } from "@/lib/db/data-version";
import type { DbHandle } from "@/lib/db/client";
import { getCapacity } from "@/lib/queries/capacity";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";
import { archiveReservation } from "@/lib/services/reservations/archive";
import { createReservation } from "@/lib/services/reservations/create";
import { updateReservation } from "@/lib/services/reservations/update";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";

const asOf = new Date("2026-04-15T10:00:00Z");

// Without the test databases' version triggers: only the app's own bumps move the cache.
describeOnEachEngine("page cache", (engine) => {
  let handle: DbHandle;
  let admin: Ctx;
  let catalog: Catalog;
  const capacity = () =>
    getCapacity(admin, { provider: null, family: null, site: null, scenario: null, by: "family", unit: "h100e", asOf });
  const costs = async () => (await getCostsFromUrl(admin, { from: "2026-01", to: "2026-12" }, asOf)).view;
  const spendOf = (view: Awaited<ReturnType<typeof costs>>) => JSON.stringify(view.spend);

  beforeAll(async () => {
    handle = await createTestDatabase(engine, { versionTriggers: false });
    admin = roleCtx(handle.db, "admin");
    catalog = await insertCatalog(handle.db);
    await insertReservationRow(handle.db, catalog, { quantity: 8 });
    await bumpDataVersion(handle.db);
  });
  afterAll(() => handle.close());

  it("serves one frozen answer per data version", async () => {
    const first = await getOverview(admin, { asOf });
    expect(await getOverview(admin, { asOf })).toBe(first);
    expect(Object.isFrozen(first.fleet)).toBe(true);
    expect(await capacity()).toBe(await capacity());
    const other = await getOverview(admin, { asOf: new Date("2026-05-15T10:00:00Z") });
    expect(other).not.toBe(first);
    const offTheMinute = new Date("2026-04-15T10:00:30Z");
    expect(await getOverview(admin, { asOf: offTheMinute })).not.toBe(await getOverview(admin, { asOf: offTheMinute }));
  });

  it("shows a reservation created, edited and archived by the verbs on the next read of every page", async () => {
    const before = { overview: await getOverview(admin, { asOf }), capacity: await capacity(), costs: await costs() };
    const version = await readDataVersion(handle.db);
    const created = (await createReservation({
      ctx: admin,
      input: {
        name: "Cache block",
        providerId: catalog.provider.id,
        siteId: catalog.site.id,
        acceleratorTypeId: catalog.type.id,
        quantity: 16,
        startAt: "2026-03-01",
        endAt: "2026-09-01",
        pricingModel: "reserved",
        rate: "2.10",
        currency: "USD",
        status: "planned",
      },
    })) as { id: string; version: number };
    expect(await readDataVersion(handle.db)).toBeGreaterThan(version);
    const added = { overview: await getOverview(admin, { asOf }), capacity: await capacity(), costs: await costs() };
    expect(added.overview.counts.reservations).toBe(before.overview.counts.reservations + 1);
    expect(added.overview.fleet).not.toEqual(before.overview.fleet);
    expect(added.capacity.model.blocks).toHaveLength(before.capacity.model.blocks.length + 1);
    expect(spendOf(added.costs)).not.toBe(spendOf(before.costs));

    const edited = (await updateReservation({
      ctx: admin,
      input: { id: created.id, version: created.version, changes: { quantity: 32 } },
    })) as {
      version: number;
    };
    const afterEdit = await capacity();
    expect(afterEdit.model.blocks.find((b) => b.id === created.id)?.quantity).toBe(32);
    expect(spendOf(await costs())).not.toBe(spendOf(added.costs));

    await archiveReservation({ ctx: admin, input: { id: created.id, version: edited.version } });
    expect((await getOverview(admin, { asOf })).counts.reservations).toBe(before.overview.counts.reservations);
    expect((await capacity()).model.blocks).toHaveLength(before.capacity.model.blocks.length);
    expect(spendOf(await costs())).toBe(spendOf(before.costs));
  });

  it("keeps no answer computed inside a transaction", async () => {
    const outside = await getOverview(admin, { asOf });
    let inside = -1;
    const rolledBack = new Error("roll back");
    await expect(
      handle.db.transaction(async (tx) => {
        await insertReservationRow(tx, catalog, { quantity: 4 });
        inside = (await getOverview({ ...admin, db: tx }, { asOf })).counts.reservations;
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(inside).toBe(outside.counts.reservations + 1);
    expect(await getOverview(admin, { asOf })).toBe(outside);
  });
});
