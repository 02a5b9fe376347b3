import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { entityHistory } from "@/lib/queries/lists/history";
import { ForbiddenError } from "@/lib/errors";
import { insertCatalog, insertContractRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { updateContract } from "@/lib/services/contracts/update";
import { auditEntries, listAuditLog } from "./audit";

describeOnEachEngine("audit log, readable", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let contractId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    const contract = await insertContractRow(handle.db, catalog, { name: "Audit PPA" });
    contractId = contract.id;
    // A real change through the verb (moves the contract to the other provider), and two dated entries of a deleted record.
    await updateContract({
      ctx: roleCtx(handle.db, "admin"),
      input: { id: contract.id, version: contract.version, changes: { providerId: catalog.other.id, committedAmount: "750000" } },
    });
    await handle.db.insert(auditLog).values([
      {
        at: new Date("2026-03-01T10:00:00Z"),
        actor: "old@example.com",
        action: "power_budget.delete",
        entityType: "power_budget",
        entityId: "00000000-0000-4000-8000-00000000dead",
        before: { siteId: catalog.site.id, effectiveFrom: "2026-01-01", contractedMw: "12.500" },
      },
      {
        at: new Date("2026-03-31T23:59:59Z"),
        actor: "old@example.com",
        action: "power_budget.delete",
        entityType: "power_budget",
        entityId: "00000000-0000-4000-8000-00000000beef",
        before: { siteId: catalog.site.id, effectiveFrom: "2026-02-01", contractedMw: "8.000" },
      },
    ]);
  });
  afterAll(() => handle.close());

  it("names the record and the ids in its fields, links it, and shows fields by label", async () => {
    const result = await listAuditLog(roleCtx(handle.db, "admin"), { action: "contract.update", page: 1 });
    expect(result.entries).toHaveLength(1);
    const [entry] = result.entries;
    expect(entry).toMatchObject({ entityTypeLabel: "Contract", entityLabel: "Audit PPA", entityHref: `/contracts/${contractId}` });
    expect(entry!.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "Committed amount: 1,000,000.00 → 750,000.00",
      `Provider: ${catalog.provider.name} → ${catalog.other.name}`,
    ]);
    expect(result.entityTypes).toEqual(["contract", "power_budget"]);
  });

  it("the record's own history reads the same way", async () => {
    const [entry] = await entityHistory(roleCtx(handle.db, "viewer"), "contract", contractId);
    expect(entry!.changes.find((c) => c.field === "providerId")).toMatchObject({
      before: catalog.provider.name,
      after: catalog.other.name,
    });
  });

  it("filters by UTC days, both ends included, and labels a deleted record from its snapshot, linked to its site", async () => {
    const admin = roleCtx(handle.db, "admin");
    const march = await listAuditLog(admin, { from: "2026-03-01", to: "2026-03-31", page: 1 });
    expect(march.total).toBe(2);
    expect(march.entries.map((e) => [e.entityLabel, e.entityHref])).toEqual([
      ["from 2026-02-01", `/sites/${catalog.site.id}`],
      ["from 2026-01-01", `/sites/${catalog.site.id}`],
    ]);
    expect(march.entries[0]!.changes).toContainEqual({ field: "siteId", label: "Site", before: catalog.site.name, after: "—" });
    expect((await listAuditLog(admin, { from: "2026-03-02", to: "2026-03-31", page: 1 })).total).toBe(1);
    expect((await listAuditLog(admin, { from: "2026-03-01", to: "2026-03-30", page: 1 })).total).toBe(1);
    expect((await listAuditLog(admin, { from: "2026-04-01", page: 1 })).entries.map((e) => e.action)).toEqual(["contract.update"]);
  });

  it("refuses a role without audit.read", async () => {
    await expect(auditEntries(roleCtx(handle.db, "finance"), { page: 1 }, 0, 10)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
