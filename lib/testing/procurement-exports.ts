import { afterAll, beforeAll } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { Db, DbHandle } from "@/lib/db/client";
import { costLineItems, imports, offers } from "@/lib/db/schema";
import { refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, type Engine } from "@/lib/testing/databases";
import { ensurePartition } from "@/lib/ingest/focus/partition";

// The portfolio the procurement export tests read (contract register, reservation schedule, renewals, FOCUS costs).

export const d = (s: string) => new Date(`${s}T00:00:00Z`);
export const asOf = d("2026-06-15");

async function seedProcurementExports(db: Db): Promise<{ catalog: Catalog; billedId: string }> {
  const catalog = await insertCatalog(db, "x");
  const billed = await insertContractRow(db, catalog, {
    name: '=HYPERLINK("http://evil.example","x")',
    reference: "EA-1",
    startDate: "2026-01-01",
    endDate: "2027-01-01",
    committedAmount: "1234567.8901",
  });
  const billedId = billed.id;
  for (let i = 0; i < 4; i++)
    await insertContractRow(db, catalog, {
      name: `Plain ${i}`,
      endDate: i === 0 ? "2028-03-01" : "2026-12-01",
      committedAmount: `${i}00.05`,
    });
  await insertContractRow(db, catalog, { name: "Other provider", providerId: catalog.other.id });
  await insertContractRow(db, catalog, { name: "Archived", archivedAt: new Date(), endDate: "2026-09-01" });
  await insertReservationRow(db, catalog, {
    name: "+cmd|calc",
    contractId: billedId,
    quantity: 3,
    rate: "2.3456",
    startAt: d("2026-01-01"),
    endAt: d("2026-10-01"),
    status: "active",
  });
  await insertReservationRow(db, catalog, {
    name: "On demand",
    quantity: 5,
    rate: "4.1",
    pricingModel: "on_demand",
    endAt: d("2027-09-01"),
  });
  await insertReservationRow(db, catalog, { name: "Elsewhere", providerId: catalog.other.id, endAt: d("2026-07-01") });
  const listed = {
    providerId: catalog.other.id,
    region: "r",
    acceleratorTypeId: catalog.type.id,
    validFrom: "2020-01-01",
    source: "list" as const,
  };
  await db.insert(offers).values([
    { ...listed, pricingModel: "on_demand", rate: "3" },
    { ...listed, pricingModel: "reserved", termMonths: 12, rate: "2" },
    { ...listed, pricingModel: "spot", rate: "1" },
    { ...listed, pricingModel: "on_demand", rate: "0.5", source: "quote" },
    { ...listed, pricingModel: "on_demand", rate: "0.25", archivedAt: new Date() },
  ]);
  const [ok] = await db
    .insert(imports)
    .values({ kind: "focus", fileName: "a.csv", sha256: "c".repeat(64), status: "succeeded" })
    .returning();
  await ensurePartition(db, ok!.id);
  await db.insert(costLineItems).values(
    ["2026-03-03", "2026-04-04", "2026-05-05"].map((day, n) => ({
      importId: ok!.id,
      lineNumber: n + 1,
      contractId: billedId,
      billingCurrency: "USD",
      chargePeriodStart: d(day),
      chargePeriodEnd: d(day),
      billedCost: "10000.01",
      effectiveCost: "10000.01",
      chargeCategory: "Usage",
    })),
  );
  await refreshBillingMonthly(db, "all");
  return { catalog, billedId };
}

export type ProcurementExports = { handle: DbHandle; catalog: Catalog; billedId: string; ctx: () => Ctx };

/** A database of its own seeded with the export portfolio for the enclosing describe; fields are set once beforeAll has run. */
export function useProcurementExports(engine: Engine): ProcurementExports {
  const fx = { ctx: () => roleCtx(fx.handle.db, "viewer") } as ProcurementExports;
  beforeAll(async () => {
    fx.handle = await createTestDatabase(engine);
    Object.assign(fx, await seedProcurementExports(fx.handle.db));
  });
  afterAll(() => fx.handle.close());
  return fx;
}
