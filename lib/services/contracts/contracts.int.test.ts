import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, contracts } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveContract, unarchiveContract } from "./archive";
import { createContract } from "./create";
import { updateContract } from "./update";

function validInput(catalog: Catalog, overrides: Record<string, unknown> = {}) {
  return {
    providerId: catalog.provider.id,
    name: "Azure 2026 commitment",
    reference: "",
    startDate: "2026-01-01",
    endDate: "2027-01-01",
    committedAmount: "12,000,000.50",
    currency: "usd",
    discountPct: "12.5",
    paymentTerms: "monthly",
    status: "active",
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describeOnEachEngine("contract verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
  });
  afterAll(() => handle.close());
  const finance = () => roleCtx(handle.db, "finance");

  it("creates a contract with normalized values and an audit row in the same transaction", async () => {
    const created = await createContract({ ctx: finance(), input: validInput(catalog, { reference: "AZ-1" }) });
    expect(created).toMatchObject({
      committedAmount: "12000000.5000",
      currency: "USD",
      discountPct: "12.50",
      version: 1,
      updatedBy: "finance@example.com",
    });
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entries.map((e) => e.action)).toEqual(["contract.create"]);
    expect(entries[0]!.actor).toBe("finance@example.com");
  });

  describe("field and cross-field rules", () => {
    it("rejects a contract whose end precedes its start", async () => {
      const e = await refusal(
        createContract({ ctx: finance(), input: validInput(catalog, { startDate: "2026-06-01", endDate: "2026-05-31" }) }),
      );
      expect(e.fieldErrors.endDate?.[0]).toMatch(/after the start/);
    });

    it("rejects a negative committed amount and a discount above 100", async () => {
      const e = await refusal(
        createContract({ ctx: finance(), input: validInput(catalog, { committedAmount: "-1", discountPct: "100.01" }) }),
      );
      expect(e.fieldErrors.committedAmount?.[0]).toMatch(/0 or more/);
      expect(e.fieldErrors.discountPct?.[0]).toMatch(/at most 100/);
    });

    it("rejects a currency that is not ISO 4217", async () => {
      const e = await refusal(createContract({ ctx: finance(), input: validInput(catalog, { currency: "USX" }) }));
      expect(e.fieldErrors.currency?.[0]).toMatch(/ISO 4217/);
    });

    it("rejects a reference the provider already uses", async () => {
      await createContract({ ctx: finance(), input: validInput(catalog, { reference: "DUP-1" }) });
      const e = await refusal(createContract({ ctx: finance(), input: validInput(catalog, { reference: "DUP-1" }) }));
      expect(e.fieldErrors.reference?.[0]).toMatch(/already has a contract/);
    });

    it("writes nothing when a rule fails", async () => {
      const before = await handle.db.select().from(contracts);
      await refusal(createContract({ ctx: finance(), input: validInput(catalog, { name: "Never", endDate: "2025-01-01" }) }));
      expect(await handle.db.select().from(contracts)).toHaveLength(before.length);
    });
  });

  it("refuses a viewer and an infra lead, changing nothing", async () => {
    for (const role of ["viewer", "infra"] as const) {
      await expect(
        createContract({ ctx: roleCtx(handle.db, role), input: validInput(catalog, { name: `By ${role}` }) }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await handle.db.select().from(contracts).where(eq(contracts.name, "By viewer"))).toHaveLength(0);
  });

  it("updates with the version it started from and audits before → after", async () => {
    const row = await insertContractRow(handle.db, catalog);
    const after = await updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { committedAmount: "2000000" } } });
    expect(after.version).toBe(2);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, "contract.update")));
    expect(entry!.before).toMatchObject({ committedAmount: "1000000.0000", version: 1 });
    expect(entry!.after).toMatchObject({ committedAmount: "2000000.0000", version: 2 });
  });

  it("refuses a stale edit, lists what changed and by whom, and overwrites nothing", async () => {
    const row = await insertContractRow(handle.db, catalog, { name: "Stale test" });
    await updateContract({
      ctx: roleCtx(handle.db, "admin"),
      input: { id: row.id, version: 1, changes: { name: "Renamed by admin", committedAmount: "5" } },
    });
    const error = await updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { name: "Finance's name" } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).changedBy).toBe("admin@example.com");
    expect((error as ConflictError).changes).toEqual([
      { field: "committedAmount", before: "1000000.0000", after: "5.0000" },
      { field: "name", before: "Stale test", after: "Renamed by admin" },
      { field: "updatedBy", before: null, after: "admin@example.com" },
    ]);
    const [now] = await handle.db.select().from(contracts).where(eq(contracts.id, row.id));
    expect(now).toMatchObject({ name: "Renamed by admin", committedAmount: "5.0000", version: 2 });
  });

  it("refuses a term edit that would leave a linked reservation outside it", async () => {
    const row = await insertContractRow(handle.db, catalog);
    await insertReservationRow(handle.db, catalog, {
      contractId: row.id,
      name: "Inside block",
      startAt: new Date("2026-02-01T00:00:00Z"),
      endAt: new Date("2026-08-01T00:00:00Z"),
    });
    const e = await refusal(updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { endDate: "2026-07-01" } } }));
    expect(e.fieldErrors.endDate?.[0]).toMatch(/Inside block/);
    const e2 = await refusal(
      updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { providerId: catalog.other.id } } }),
    );
    expect(e2.fieldErrors.providerId?.[0]).toMatch(/another provider/);
    const [now] = await handle.db.select().from(contracts).where(eq(contracts.id, row.id));
    expect(now).toMatchObject({ endDate: "2027-01-01", version: 1 });
    await expect(
      updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { endDate: "2026-08-01" } } }),
    ).resolves.toMatchObject({ endDate: "2026-08-01" });
  });

  it("rejects an edit whose merged term ends before it starts", async () => {
    const row = await insertContractRow(handle.db, catalog);
    const e = await refusal(updateContract({ ctx: finance(), input: { id: row.id, version: 1, changes: { startDate: "2027-02-01" } } }));
    expect(e.fieldErrors.endDate?.[0]).toMatch(/after the start/);
  });

  it("archives and unarchives with audit rows, refusing a stale version", async () => {
    const row = await insertContractRow(handle.db, catalog);
    const archived = await archiveContract({ ctx: finance(), input: { id: row.id, version: 1 } });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await expect(unarchiveContract({ ctx: finance(), input: { id: row.id, version: 1 } })).rejects.toBeInstanceOf(ConflictError);
    const restored = await unarchiveContract({ ctx: finance(), input: { id: row.id, version: 2 } });
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    const actions = await handle.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(actions.map((a) => a.a)).toEqual(["contract.archive", "contract.unarchive"]);
    await expect(archiveContract({ ctx: roleCtx(handle.db, "viewer"), input: { id: row.id, version: 3 } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
