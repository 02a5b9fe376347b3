import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, reservations } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveReservation, unarchiveReservation } from "./archive";
import { createReservation } from "./create";
import { updateReservation } from "./update";

function validInput(catalog: Catalog, overrides: Record<string, unknown> = {}) {
  return {
    name: uniq("Block"),
    providerId: catalog.provider.id,
    siteId: catalog.site.id,
    acceleratorTypeId: catalog.type.id,
    contractId: "",
    quantity: "1024",
    startAt: "2026-03-01",
    endAt: "2026-09-01",
    pricingModel: "reserved",
    rate: "2.35",
    currency: "USD",
    status: "planned",
    deliveryDate: "",
    capacityReservationId: "",
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describeOnEachEngine("reservation verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let contractId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    contractId = (await insertContractRow(handle.db, catalog, { startDate: "2026-01-01", endDate: "2027-01-01" })).id;
  });
  afterAll(() => handle.close());
  const infra = () => roleCtx(handle.db, "infra");

  it("creates a reservation under a contract, audited, with dates at UTC midnight", async () => {
    const created = await createReservation({ ctx: infra(), input: validInput(catalog, { contractId, deliveryDate: "2026-03-20" }) });
    expect(created).toMatchObject({
      contractId,
      quantity: 1024,
      rate: "2.350000",
      deliveryDate: "2026-03-20",
      capacityReservationId: null,
    });
    expect(created.startAt.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "reservation.create", actor: "infra@example.com" });
  });

  describe("rules", () => {
    it("rejects a reservation outside its contract's term and creates nothing", async () => {
      const input = validInput(catalog, { contractId, startAt: "2026-10-01", endAt: "2027-02-01" });
      const e = await refusal(createReservation({ ctx: infra(), input }));
      expect(e.fieldErrors.endAt?.[0]).toMatch(/within its contract's term \(2026-01-01 to 2027-01-01\)/);
      expect(await handle.db.select().from(reservations).where(eq(reservations.name, input.name))).toHaveLength(0);
    });

    it("accepts a block ending exactly when its contract ends", async () => {
      await expect(
        createReservation({ ctx: infra(), input: validInput(catalog, { contractId, startAt: "2026-01-01", endAt: "2027-01-01" }) }),
      ).resolves.toBeDefined();
    });

    it("rejects a reservation whose provider differs from its contract's", async () => {
      const e = await refusal(
        createReservation({ ctx: infra(), input: validInput(catalog, { contractId, providerId: catalog.other.id }) }),
      );
      expect(e.fieldErrors.contractId?.[0]).toMatch(/another provider/);
    });

    it("rejects a currency different from the contract's", async () => {
      const e = await refusal(createReservation({ ctx: infra(), input: validInput(catalog, { contractId, currency: "EUR" }) }));
      expect(e.fieldErrors.currency?.[0]).toMatch(/in USD/);
    });

    it("rejects an end before the start, a negative rate, a zero quantity and a non-ISO currency", async () => {
      const e = await refusal(
        createReservation({ ctx: infra(), input: validInput(catalog, { startAt: "2026-05-01", endAt: "2026-04-01" }) }),
      );
      expect(e.fieldErrors.endAt?.[0]).toMatch(/after the start/);
      const f = await refusal(
        createReservation({ ctx: infra(), input: validInput(catalog, { rate: "-0.01", quantity: "0", currency: "XYZ1" }) }),
      );
      expect(f.fieldErrors.rate?.[0]).toMatch(/0 or more/);
      expect(f.fieldErrors.quantity?.[0]).toMatch(/at least 1/);
      expect(f.fieldErrors.currency?.[0]).toMatch(/ISO 4217/);
    });

    it("rejects a duplicate name", async () => {
      const input = validInput(catalog);
      await createReservation({ ctx: infra(), input });
      const e = await refusal(createReservation({ ctx: infra(), input }));
      expect(e.fieldErrors.name?.[0]).toMatch(/already exists/);
    });

    it("rejects moving a linked block outside its contract's term on edit", async () => {
      const row = await insertReservationRow(handle.db, catalog, { contractId });
      const e = await refusal(updateReservation({ ctx: infra(), input: { id: row.id, version: 1, changes: { endAt: "2027-03-01" } } }));
      expect(e.fieldErrors.endAt?.[0]).toMatch(/within its contract's term/);
      const [now] = await handle.db.select().from(reservations).where(eq(reservations.id, row.id));
      expect(now!.endAt.toISOString()).toBe("2026-08-01T00:00:00.000Z");
    });
  });

  it("refuses a viewer and a finance lead, changing nothing", async () => {
    const row = await insertReservationRow(handle.db, catalog);
    for (const role of ["viewer", "finance"] as const) {
      await expect(createReservation({ ctx: roleCtx(handle.db, role), input: validInput(catalog) })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateReservation({ ctx: roleCtx(handle.db, role), input: { id: row.id, version: 1, changes: { quantity: 1 } } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [now] = await handle.db.select().from(reservations).where(eq(reservations.id, row.id));
    expect(now).toMatchObject({ quantity: 8, version: 1 });
  });

  it("refuses a stale edit with the changes listed and keeps the newer values", async () => {
    const row = await insertReservationRow(handle.db, catalog);
    await updateReservation({ ctx: roleCtx(handle.db, "admin"), input: { id: row.id, version: 1, changes: { quantity: 16 } } });
    const error = await updateReservation({ ctx: infra(), input: { id: row.id, version: 1, changes: { rate: "9" } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changes).toContainEqual({ field: "quantity", before: 8, after: 16 });
    expect((error as ConflictError).changedBy).toBe("admin@example.com");
    const [now] = await handle.db.select().from(reservations).where(eq(reservations.id, row.id));
    expect(now).toMatchObject({ quantity: 16, rate: "2.500000", version: 2 });
  });

  it("archives and unarchives, audited", async () => {
    const row = await insertReservationRow(handle.db, catalog);
    await archiveReservation({ ctx: infra(), input: { id: row.id, version: 1 } });
    await expect(archiveReservation({ ctx: infra(), input: { id: row.id, version: 2 } })).rejects.toThrow(/already archived/);
    await unarchiveReservation({ ctx: infra(), input: { id: row.id, version: 2 } });
    const entries = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "reservation"), eq(auditLog.entityId, row.id)));
    expect(entries.map((e) => e.action)).toEqual(["reservation.archive", "reservation.unarchive"]);
  });
});
