import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { acceleratorTypes, providers, sites, skuMappings } from "@/lib/db/schema";
import { insertContractRow, insertReservationRow, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { queryRows } from "@/lib/db/rows";
import { matchCharges, rematchCharges, stagedFields, withChargeTies } from "./matching";
import { chargesOf, insertCharges, insertImport } from "@/lib/testing/charges";

type World = {
  aws: Catalog;
  azure: Catalog["provider"];
  gcp: Catalog["provider"];
  googleCloud: Catalog["provider"];
  h200: Catalog["type"];
};

async function insertWorld(db: Db): Promise<World> {
  const [aws, azure, gcp, googleCloud] = await db
    .insert(providers)
    .values([
      { name: "AWS", kind: "hyperscaler" },
      { name: "Microsoft Azure", kind: "hyperscaler" },
      { name: "GCP", kind: "hyperscaler" },
      { name: "Google Cloud", kind: "hyperscaler" },
    ])
    .returning();
  const [site] = await db
    .insert(sites)
    .values({ name: "us-east-1 zone", providerId: aws!.id, regionCode: "us-east-1", country: "US", pue: "1.2" })
    .returning();
  const type = (name: string, family: string) => ({
    name,
    vendor: "NVIDIA",
    family,
    memoryGb: "80",
    bf16Tflops: "989.4",
    systemW: 1275,
    h100Equivalent: "1",
  });
  const [h100, h200] = await db
    .insert(acceleratorTypes)
    .values([type("H100 SXM", "H100"), type("H200 SXM", "H200")])
    .returning();
  return {
    aws: { provider: aws!, other: azure!, site: site!, type: h100! },
    azure: azure!,
    gcp: gcp!,
    googleCloud: googleCloud!,
    h200: h200!,
  };
}

describeOnEachEngine("matching charges", (engine) => {
  let handle: DbHandle;
  let w: World;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    w = await insertWorld(handle.db);
  });
  afterAll(() => handle.close());

  it("ties providers by name case-insensitively, by alias, and by the 1.3 ServiceProviderName, exact names before aliases", async () => {
    const db = handle.db;
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "aws" },
      { providerName: " Amazon Web Services " },
      { providerName: "Microsoft" },
      { providerName: null, extra: { ServiceProviderName: "AWS" } },
      { providerName: "GCP" },
      { providerName: "Unknown Cloud" },
    ]);
    const result = await matchCharges(db, importId);
    const rows = await chargesOf(db, importId);
    expect(rows.map((r) => r.providerId)).toEqual([w.aws.provider.id, w.aws.provider.id, w.azure.id, w.aws.provider.id, w.gcp.id, null]);
    expect(result.matchedProvider).toBe(5);
    expect(result.rows).toBe(6);
  });

  it("ties a charge to the contract whose reference is its CommitmentDiscountId, only in the contract's currency, term and provider", async () => {
    const db = handle.db;
    const mine = await insertContractRow(db, w.aws, { reference: "SP-100", startDate: "2026-01-01", endDate: "2027-01-01" });
    await insertContractRow(db, w.aws, { providerId: w.azure.id, reference: "SP-100", startDate: "2026-01-01", endDate: "2027-01-01" });
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "AWS", commitmentDiscountId: "SP-100" },
      { providerName: "AWS", commitmentDiscountId: "SP-100", billingCurrency: "EUR" },
      {
        providerName: "AWS",
        commitmentDiscountId: "SP-100",
        chargePeriodStart: new Date("2027-01-01T00:00:00Z"),
        chargePeriodEnd: new Date("2027-01-01T01:00:00Z"),
      },
      {
        providerName: "AWS",
        commitmentDiscountId: "SP-100",
        chargePeriodStart: new Date("2025-12-31T23:00:00Z"),
        chargePeriodEnd: new Date("2026-01-01T00:00:00Z"),
      },
      { providerName: "AWS", commitmentDiscountId: "SP-999" },
    ]);
    await matchCharges(db, importId);
    const rows = await chargesOf(db, importId);
    expect(rows.map((r) => r.contractId)).toEqual([mine.id, null, null, null, null]);
  });

  it("ties a charge by a ContractApplied ContractId or the headroom-contract tag, CommitmentDiscountId first", async () => {
    const db = handle.db;
    const byId = await insertContractRow(db, w.aws, { reference: "EA-1", currency: "USD" });
    const applied = await insertContractRow(db, w.aws, { reference: "EA-2" });
    const tagged = await insertContractRow(db, w.aws, { reference: "EA-3" });
    const element = { Elements: [{ ContractId: "EA-2", ContractCommitmentId: "CC-1", ContractCommitmentAppliedCost: 1 }] };
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "AWS", extra: { ContractApplied: element } },
      { providerName: "AWS", extra: { contractapplied: JSON.stringify(element) } },
      { providerName: "AWS", tags: { "headroom-contract": "EA-3" } },
      { providerName: "AWS", tags: { "user:headroom-contract": "EA-3" } },
      { providerName: "AWS", commitmentDiscountId: "EA-1", extra: { ContractApplied: element }, tags: { "headroom-contract": "EA-3" } },
      { providerName: "AWS", extra: { ContractApplied: element }, tags: { "headroom-contract": "EA-3" } },
    ]);
    await matchCharges(db, importId);
    const rows = await chargesOf(db, importId);
    expect(rows.map((r) => r.contractId)).toEqual([applied.id, applied.id, tagged.id, tagged.id, byId.id, applied.id]);
  });

  it("ties reservations by CapacityReservationId before the headroom-reservation tag, and a charge inherits its reservation's contract", async () => {
    const db = handle.db;
    const contract = await insertContractRow(db, w.aws, { reference: "PPA-RES", startDate: "2026-01-01", endDate: "2027-01-01" });
    const byId = await insertReservationRow(db, w.aws, { capacityReservationId: "cr-0abc", contractId: contract.id });
    const byName = await insertReservationRow(db, w.aws, { name: "training-east-1" });
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "AWS", capacityReservationId: "cr-0abc" },
      { providerName: "AWS", tags: { "headroom-reservation": "training-east-1" } },
      { providerName: "AWS", capacityReservationId: "cr-0abc", tags: { "headroom-reservation": "training-east-1" } },
      { providerName: "Microsoft", capacityReservationId: "cr-0abc" },
      { providerName: "AWS", capacityReservationId: "cr-none" },
    ]);
    const result = await matchCharges(db, importId);
    const rows = await chargesOf(db, importId);
    expect(rows.map((r) => r.reservationId)).toEqual([byId.id, byName.id, byId.id, null, null]);
    expect(rows.map((r) => r.contractId)).toEqual([contract.id, null, contract.id, null, null]);
    expect(rows.map((r) => r.acceleratorTypeId)).toEqual([w.aws.type.id, w.aws.type.id, w.aws.type.id, null, null]);
    expect(result).toMatchObject({
      matchedReservation: 3,
      matchedContract: 2,
      matchedAccelerator: 3,
      unmatched: 2,
      unmatchedEffectiveCost: "2.0000000000",
    });
  });

  it("maps SKUs to accelerator types, the region's mapping before the region-less one and before the reservation's type", async () => {
    const db = handle.db;
    await db.insert(skuMappings).values([
      { providerId: w.aws.provider.id, skuId: "p5.48xlarge", regionId: null, acceleratorTypeId: w.aws.type.id, acceleratorsPerUnit: "8" },
      {
        providerId: w.aws.provider.id,
        skuId: "p5.48xlarge",
        regionId: "us-west-2",
        acceleratorTypeId: w.h200.id,
        acceleratorsPerUnit: "8",
      },
      {
        providerId: w.azure.id,
        skuId: "ND96isr_H100_v5",
        regionId: null,
        acceleratorTypeId: w.aws.type.id,
        acceleratorsPerUnit: "8",
        archivedAt: new Date(),
      },
    ]);
    const block = await insertReservationRow(db, w.aws, { capacityReservationId: "cr-h100", acceleratorTypeId: w.aws.type.id });
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "AWS", skuId: "p5.48xlarge", regionId: "us-east-1" },
      { providerName: "AWS", skuId: "p5.48xlarge", regionId: "US-WEST-2" },
      { providerName: "AWS", skuId: "p5.48xlarge", regionId: null },
      { providerName: "AWS", skuId: "p5.48xlarge", regionId: "us-west-2", capacityReservationId: "cr-h100" },
      { providerName: "Microsoft", skuId: "ND96isr_H100_v5" },
      { providerName: "Microsoft", skuId: "p5.48xlarge" },
    ]);
    await matchCharges(db, importId);
    const rows = await chargesOf(db, importId);
    expect(rows.map((r) => r.acceleratorTypeId)).toEqual([w.aws.type.id, w.h200.id, w.aws.type.id, w.h200.id, null, null]);
    expect(rows[3]!.reservationId).toBe(block.id);
  });

  it("rematches existing charges after a mapping is added or archived, within one provider", async () => {
    const db = handle.db;
    const importId = await insertImport(db);
    await insertCharges(db, importId, [
      { providerName: "GCP", skuId: "ct5p-hightpu-4t", regionId: "us-east5" },
      { providerName: "Microsoft", skuId: "ct5p-hightpu-4t", regionId: "us-east5" },
    ]);
    await matchCharges(db, importId);
    expect((await chargesOf(db, importId)).map((r) => r.acceleratorTypeId)).toEqual([null, null]);
    const [mapping] = await db
      .insert(skuMappings)
      .values({ providerId: w.gcp.id, skuId: "ct5p-hightpu-4t", acceleratorTypeId: w.h200.id, acceleratorsPerUnit: "4" })
      .returning();
    await rematchCharges(db, { providerId: w.gcp.id, rules: ["accelerator"] });
    expect((await chargesOf(db, importId)).map((r) => r.acceleratorTypeId)).toEqual([w.h200.id, null]);
    await db.update(skuMappings).set({ archivedAt: new Date() }).where(eq(skuMappings.id, mapping!.id));
    const after = await rematchCharges(db, { providerId: w.gcp.id });
    expect((await chargesOf(db, importId)).map((r) => r.acceleratorTypeId)).toEqual([null, null]);
    expect(after.matchedAccelerator).toBe(0);
  });

  it("leaves other imports' charges untouched", async () => {
    const db = handle.db;
    const first = await insertImport(db, "running");
    await insertCharges(db, first, [{ providerName: "AWS" }]);
    const second = await insertImport(db, "running");
    await insertCharges(db, second, [{ providerName: "AWS" }]);
    await matchCharges(db, second);
    expect((await chargesOf(db, first))[0]!.providerId).toBeNull();
    expect((await chargesOf(db, second))[0]!.providerId).toBe(w.aws.provider.id);
  });

  it("ties typed staging rows the same way, so a loader can tie charges as it inserts them", async () => {
    const db = handle.db;
    const contract = await insertContractRow(db, w.aws, { reference: "STAGE-1", startDate: "2026-01-01", endDate: "2027-01-01" });
    const block = await insertReservationRow(db, w.aws, { capacityReservationId: "cr-stage", acceleratorTypeId: w.h200.id });
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table stage_test (line_number text, provider_name text, billing_currency text, charge_period_start timestamptz,
        commitment_discount_id text, capacity_reservation_id text, sku_id text, region_id text, service_name text, sub_account_id text, tags jsonb, extra jsonb, resource_id text) on commit drop`);
      await tx.execute(sql`insert into stage_test values
        ('2', 'Amazon Web Services', 'USD', '2026-03-01 00:00:00', 'STAGE-1', null, null, null, null, null, null, null),
        ('3', 'AWS', 'USD', '2026-03-01T00:00:00Z', null, 'cr-stage', null, null, null, null, '{"team":"a"}', '{"x_Foo":"bar"}'),
        ('4', null, 'USD', '2026-03-01T00:00:00Z', null, null, null, null, null, null, ${JSON.stringify({ "headroom-contract": "STAGE-1" })}, ${JSON.stringify({ ServiceProviderName: "aws" })}),
        ('5', 'Nobody', 'USD', '2026-03-01T00:00:00Z', 'STAGE-1', null, null, null, null, null, null, null)`);
      return queryRows<Record<string, string | null>>(
        tx,
        sql.raw(
          `select line_number, m_provider_id, m_reservation_id, m_contract_id, m_accelerator_type_id from ${withChargeTies("stage_test", stagedFields)} t order by line_number`,
        ),
      );
    });
    expect(rows).toEqual([
      {
        line_number: "2",
        m_provider_id: w.aws.provider.id,
        m_reservation_id: null,
        m_contract_id: contract.id,
        m_accelerator_type_id: null,
      },
      {
        line_number: "3",
        m_provider_id: w.aws.provider.id,
        m_reservation_id: block.id,
        m_contract_id: null,
        m_accelerator_type_id: w.h200.id,
      },
      {
        line_number: "4",
        m_provider_id: w.aws.provider.id,
        m_reservation_id: null,
        m_contract_id: contract.id,
        m_accelerator_type_id: null,
      },
      { line_number: "5", m_provider_id: null, m_reservation_id: null, m_contract_id: contract.id, m_accelerator_type_id: null },
    ]);
  });

  it("only counts when the loader tied the rows on insert", async () => {
    const db = handle.db;
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, [
      { providerName: "AWS", effectiveCost: "2.5" },
      { providerName: "AWS", providerId: w.aws.provider.id, effectiveCost: "1" },
    ]);
    const counted = await matchCharges(db, importId, { tiedOnInsert: true });
    expect(counted).toMatchObject({ rows: 2, matchedProvider: 1, unmatched: 2, unmatchedEffectiveCost: "3.5000000000" });
    expect((await chargesOf(db, importId))[0]!.providerId).toBeNull();
  });
});
