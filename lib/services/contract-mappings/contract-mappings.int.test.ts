import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, contractMappings } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import * as matching from "@/lib/ingest/matching";
import { billingMonthlyDrift } from "@/lib/ingest/billing-monthly";
import { chargesOf, insertCharges, insertImport } from "@/lib/testing/charges";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, insertContractRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveContractMapping } from "./archive";
import { createContractMapping } from "./create";

// The real rematch, wrapped so one test can make the verb fail right after the charges were re-tied.
vi.mock("@/lib/ingest/matching", async (original) => {
  const real = await original<typeof matching>();
  return { ...real, rematchCharges: vi.fn(real.rematchCharges) };
});

describeOnEachEngine("contract mapping verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let contractId: string;
  let otherContractId: string;
  let importId: number;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    contractId = (await insertContractRow(handle.db, catalog, { reference: "MAP-1" })).id;
    otherContractId = (await insertContractRow(handle.db, { ...catalog, provider: catalog.other }, { reference: "MAP-OTHER" })).id;
    importId = await insertImport(handle.db);
    // Storage 400.10 + egress 200.05 + a tagged charge 7.5 + GPU 1000, all in March 2026 inside MAP-1's term.
    await insertCharges(handle.db, importId, [
      {
        providerName: catalog.provider.name,
        serviceName: "Object Storage",
        skuId: "stor-std",
        regionId: "us-east-1",
        effectiveCost: "400.10",
      },
      {
        providerName: catalog.provider.name,
        serviceName: "Data Transfer",
        skuId: "egress",
        regionId: "us-east-1",
        effectiveCost: "200.05",
      },
      {
        providerName: catalog.provider.name,
        serviceName: "Data Transfer",
        skuId: "egress",
        tags: { "user:team": "ml" },
        effectiveCost: "7.5",
      },
      { providerName: catalog.provider.name, serviceName: "Compute", skuId: "gpu-8x", subAccountId: "acct-9", effectiveCost: "1000" },
    ]);
    await matching.matchCharges(handle.db, importId);
  });
  afterAll(() => handle.close());

  const tied = async () => (await chargesOf(handle.db, importId)).map((c) => c.contractId);
  // What the burn-down reads as the contract's consumed: billing_monthly rows tied to it.
  const consumed = async () => {
    const [row] = await queryRows<{ amount: string | null }>(
      handle.db,
      sql`select sum(effective_cost)::text as amount from billing_monthly where contract_id = ${contractId}`,
    );
    return row?.amount ?? null;
  };
  const input = (extra: Record<string, string>) => ({ providerId: catalog.provider.id, contractId, ...extra });

  it("refuses a viewer and infra, and changes nothing", async () => {
    for (const role of ["viewer", "infra"] as const) {
      const made = createContractMapping({ ctx: roleCtx(handle.db, role), input: input({ serviceName: "Object Storage" }) });
      await expect(made).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await handle.db.select().from(contractMappings)).toEqual([]);
    expect(await tied()).toEqual([null, null, null, null]);
  });

  it("refuses bad input with a message on the field, and changes nothing", async () => {
    const finance = roleCtx(handle.db, "finance");
    const cases: [Record<string, string>, string, RegExp][] = [
      [{}, "serviceName", /at least one/],
      [{ regionId: "   " }, "serviceName", /at least one/],
      [{ tagKey: "team" }, "tagValue", /both the tag key and its value/],
      [{ serviceName: "Object Storage", contractId: otherContractId }, "contractId", /another provider/],
      [{ serviceName: "Object Storage", contractId: "not-a-uuid" }, "contractId", /Choose a contract/],
    ];
    for (const [extra, field, message] of cases) {
      const error = await createContractMapping({ ctx: finance, input: input(extra) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]?.[0]).toMatch(message);
    }
    expect(await handle.db.select().from(contractMappings)).toEqual([]);
    expect(await tied()).toEqual([null, null, null, null]);
  });

  it("rolls the rule back with the re-match when the verb fails after re-tying the charges", async () => {
    const rematch = vi.mocked(matching.rematchCharges);
    const real = rematch.getMockImplementation()!;
    rematch.mockImplementationOnce(async (tx, opts) => {
      const result = await real(tx, opts);
      expect(result.matchedContract).toBe(1);
      throw new Error("failed after the re-match");
    });
    await expect(
      createContractMapping({ ctx: roleCtx(handle.db, "finance"), input: input({ serviceName: "object storage" }) }),
    ).rejects.toThrow(/after the re-match/);
    expect(await handle.db.select().from(contractMappings)).toEqual([]);
    expect(await tied()).toEqual([null, null, null, null]);
    expect(await consumed()).toBeNull();
  });

  it("lets finance map storage, a tag and a sub-account to a contract; the charges count in its consumed at once", async () => {
    const finance = roleCtx(handle.db, "finance");
    const created = await createContractMapping({ ctx: finance, input: input({ serviceName: " object storage ", regionId: "US-EAST-1" }) });
    expect(created).toMatchObject({
      serviceName: "object storage",
      regionId: "US-EAST-1",
      skuId: null,
      version: 1,
      updatedBy: "finance@example.com",
    });
    expect(await tied()).toEqual([contractId, null, null, null]);
    expect(await consumed()).toBe("400.1000000000");

    await createContractMapping({ ctx: finance, input: input({ tagKey: "team", tagValue: "ml" }) });
    await createContractMapping({ ctx: roleCtx(handle.db, "admin"), input: input({ subAccountId: "acct-9" }) });
    expect(await tied()).toEqual([contractId, null, contractId, contractId]);
    expect(await consumed()).toBe("1407.6000000000");
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);

    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "contract_mapping.create", actor: "finance@example.com" });
  });

  it("refuses a second rule with the same fields, and archiving a rule releases its charges", async () => {
    const finance = roleCtx(handle.db, "finance");
    const dup = await createContractMapping({ ctx: finance, input: input({ serviceName: "Object Storage", regionId: "us-east-1" }) }).catch(
      (e: unknown) => e,
    );
    expect((dup as ValidationError).fieldErrors.serviceName?.[0]).toMatch(/already exists/);
    const [rule] = await handle.db.select().from(contractMappings).where(eq(contractMappings.subAccountId, "acct-9"));
    await archiveContractMapping({ ctx: finance, input: { id: rule!.id, version: rule!.version } });
    expect(await tied()).toEqual([contractId, null, contractId, null]);
    expect(await consumed()).toBe("407.6000000000");
  });
});
