import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { allocationRules, contractMappings, contracts, providers, reservations, skuMappings, workloads } from "@/lib/db/schema";
import { insertCharges, insertImport, type ChargeValues } from "./charges";

// Registers and hand-made charges on top of the demo that make every matching rule, tie-break and refusal occur,
// for the test that the Node matcher (lib/ingest/charge-matcher.ts) agrees with the SQL rules row by row.

type Ids = Record<string, string>;

async function providerIds(db: Db): Promise<Ids> {
  const rows = await db.select({ id: providers.id, name: providers.name }).from(providers);
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

export async function insertMatchingRegisters(db: Db): Promise<void> {
  await db.insert(providers).values([
    { name: "GCP", kind: "hyperscaler" },
    { name: "Amazon AWS", kind: "hyperscaler", archivedAt: new Date() },
  ]);
  const p = await providerIds(db);
  const aws = p.AWS!;
  const azure = p["Microsoft Azure"]!;
  const [site] = await queryRows<{ id: string }>(db, sql`select id::text as id from sites where provider_id = ${aws} limit 1`);
  const types = await queryRows<{ id: string }>(db, sql`select id::text as id from accelerator_types order by name limit 3`);
  const [t1, t2, t3] = types.map((t) => t.id);

  const contract = async (reference: string, values: Partial<typeof contracts.$inferInsert> = {}) => {
    const [row] = await db
      .insert(contracts)
      .values({
        providerId: aws,
        name: `Matching ${reference}`,
        reference,
        startDate: "2026-01-01",
        endDate: "2027-01-01",
        committedAmount: "1000",
        paymentTerms: "monthly",
        status: "active",
        ...values,
      })
      .returning({ id: contracts.id });
    return row!.id;
  };
  await contract("arn:aws:savingsplans::365499461711:savingsplan/37985e61-4fcb-4023-9dd7-e524c80342a2", {
    startDate: "2024-01-01",
    endDate: "2025-01-01",
  });
  await contract("arn:aws:savingsplans::961082193871:savingsplan/493f5705-db1c-4867-8e5c-ee9a66fa6d3f", {
    startDate: "2024-01-01",
    endDate: "2025-01-01",
    archivedAt: new Date(),
  });
  await contract("CONTRACT-EA-2026-0001");
  await contract("SP-100");
  await contract("SP-100", { providerId: azure });
  await contract("SP-100-OLD", { startDate: "2025-01-01" });
  await contract("EA-1");
  await contract("EA-2");
  await contract("EA-3");
  await contract("EA-3-NEWER", { startDate: "2026-02-01" });
  await contract("7");
  const ppa = await contract("PPA-RES", { startDate: "2026-01-01", endDate: "2026-06-01" });
  const ec2 = await contract("MAP-EC2", { startDate: "2024-09-01", endDate: "2024-10-01" });
  const dev = await contract("MAP-DEV", { startDate: "2024-01-01", endDate: "2025-01-01" });
  const eur = await contract("MAP-EUR", { startDate: "2024-01-01", endDate: "2025-01-01", currency: "EUR" });
  const vpc = await contract("MAP-VPC");

  const reservation = (name: string, values: Partial<typeof reservations.$inferInsert> = {}) => ({
    name,
    providerId: aws,
    siteId: site!.id,
    acceleratorTypeId: t1!,
    quantity: 8,
    startAt: new Date("2026-02-01T00:00:00Z"),
    endAt: new Date("2026-08-01T00:00:00Z"),
    pricingModel: "reserved" as const,
    rate: "2.5",
    status: "planned" as const,
    ...values,
  });
  await db
    .insert(reservations)
    .values([
      reservation("matching-cr", { capacityReservationId: "cr-0abc", contractId: ppa, acceleratorTypeId: t2! }),
      reservation("training-east-1"),
      reservation("matching-old", { capacityReservationId: "cr-old", archivedAt: new Date() }),
      reservation("matching-dup-a", { capacityReservationId: "cr-dup", acceleratorTypeId: t2! }),
      reservation("matching-dup-b", { capacityReservationId: "cr-dup", acceleratorTypeId: t3! }),
    ]);

  await db.insert(skuMappings).values([
    { providerId: aws, skuId: "HSRFWQ3TJGWVZ2EK", acceleratorTypeId: t1!, acceleratorsPerUnit: "1" },
    { providerId: aws, skuId: "HSRFWQ3TJGWVZ2EK", regionId: "us-west-2", acceleratorTypeId: t2!, acceleratorsPerUnit: "1" },
    { providerId: aws, skuId: "HSRFWQ3TJGWVZ2EK", regionId: "US-WEST-2", acceleratorTypeId: t3!, acceleratorsPerUnit: "1" },
    { providerId: aws, skuId: "HQEH3ZWJVT46JHRG", regionId: "us-east-1", acceleratorTypeId: t3!, acceleratorsPerUnit: "1" },
    { providerId: aws, skuId: "p5.test", acceleratorTypeId: t1!, acceleratorsPerUnit: "8" },
    { providerId: aws, skuId: "p5.test", regionId: "us-west-2", acceleratorTypeId: t2!, acceleratorsPerUnit: "8" },
    { providerId: azure, skuId: "p5.test", acceleratorTypeId: t3!, acceleratorsPerUnit: "8", archivedAt: new Date() },
  ]);

  const mapping = (contractId: string, values: Partial<typeof contractMappings.$inferInsert>) => ({
    providerId: aws,
    contractId,
    ...values,
  });
  await db
    .insert(contractMappings)
    .values([
      mapping(ec2, { serviceName: "amazon elastic compute cloud", regionId: "US-WEST-2" }),
      mapping(dev, { serviceName: "Amazon Elastic Compute Cloud" }),
      mapping(dev, { tagKey: "environment", tagValue: "dev" }),
      mapping(eur, { subAccountId: "18938484842" }),
      mapping(vpc, { serviceName: "AmazonVPC" }),
      mapping(vpc, { tagKey: "Owner", tagValue: "team-data" }),
      mapping(ec2, { skuId: "HQEH3ZWJVT46JHRG", archivedAt: new Date() }),
      mapping(vpc, { tagKey: "team", tagValue: "data" }),
    ]);
  await db
    .update(contractMappings)
    // In UTC, an immutable expression: Citus refuses timestamptz − interval (stable) over a column in an UPDATE.
    .set({ createdAt: sql`((created_at at time zone 'UTC') - interval '1 hour') at time zone 'UTC'` })
    .where(eq(contractMappings.contractId, vpc));

  // Allocation rules after the demo's own (positions from 100): every field, a tie on position, an archived rule.
  const w = (await db.select({ id: workloads.id }).from(workloads).orderBy(workloads.name)).map((r) => r.id);
  const rule = (position: number, workloadId: string, values: Partial<typeof allocationRules.$inferInsert>) => ({
    position,
    workloadId,
    ...values,
  });
  await db
    .insert(allocationRules)
    .values([
      rule(100, w[0]!, { providerId: azure, skuId: "p5.test" }),
      rule(101, w[1]!, { providerId: aws, serviceName: "AmazonVPC", regionId: "US-EAST-1" }),
      rule(102, w[2]!, { serviceName: "amazonvpc" }),
      rule(103, w[3]!, { tagKey: "team", tagValue: "data" }),
      rule(104, w[4]!, { subAccountId: "18938484842", skuId: "p5.test" }),
      rule(105, w[0]!, { resourceIdPrefix: "arn:aws:ec2:us-west-2:" }),
      rule(105, w[1]!, { resourceIdPrefix: "arn:aws:ec2:" }),
      rule(106, w[2]!, { serviceName: "Amazon Elastic Compute Cloud", archivedAt: new Date() }),
      rule(107, w[3]!, { tagKey: "Owner", tagValue: "team-data", regionId: "us-west-2" }),
      rule(108, w[4]!, { resourceIdPrefix: "i-" }),
    ]);
}

const element = { Elements: [{ ContractId: "EA-2", ContractCommitmentId: "CC-1", ContractCommitmentAppliedCost: 1 }] };
const at = (iso: string) => ({ chargePeriodStart: new Date(iso), chargePeriodEnd: new Date(Date.parse(iso) + 3_600_000) });

/** Charges written directly (not through the importer), one per case of README "Matching charges". */
export const MATCHING_CASES: ChargeValues[] = [
  { providerName: "aws" },
  { providerName: " Amazon Web Services " },
  { providerName: "Microsoft" },
  { providerName: null, extra: { ServiceProviderName: "AWS" } },
  { providerName: "  ", extra: { serviceprovidername: " azure " } },
  { providerName: null, extra: { ServiceProviderName: null, serviceprovidername: "AWS" } },
  { providerName: "GCP" },
  { providerName: "google" },
  { providerName: "Amazon AWS" },
  { providerName: "amazon" },
  { providerName: "\tAWS" },
  { providerName: "Unknown Cloud", commitmentDiscountId: "SP-100" },
  { providerName: "AWS", commitmentDiscountId: "SP-100" },
  { providerName: "AWS", commitmentDiscountId: " SP-100 ", billingCurrency: "EUR" },
  { providerName: "Azure", commitmentDiscountId: "SP-100" },
  { providerName: "AWS", commitmentDiscountId: "SP-100", ...at("2027-01-01T00:00:00Z") },
  { providerName: "AWS", commitmentDiscountId: "SP-100", ...at("2026-12-31T23:59:59.999Z") },
  { providerName: "AWS", commitmentDiscountId: "SP-100", ...at("2025-12-31T23:59:59.999Z") },
  { providerName: "AWS", commitmentDiscountId: "SP-100-OLD", ...at("2025-06-01T00:00:00Z") },
  { providerName: "AWS", commitmentDiscountId: "SP-999" },
  { providerName: "AWS", extra: { ContractApplied: element } },
  { providerName: "AWS", extra: { contractapplied: JSON.stringify(element) } },
  { providerName: "AWS", extra: { ContractApplied: null, contractapplied: element } },
  { providerName: "AWS", extra: { ContractApplied: { Elements: [{ ContractId: "EA-3" }, { ContractId: "EA-3-NEWER" }] } } },
  { providerName: "AWS", tags: { "headroom-contract": "EA-3" } },
  { providerName: "AWS", tags: { "user:headroom-contract": " EA-3 " } },
  { providerName: "AWS", tags: { "headroom-contract": 7 } },
  { providerName: "AWS", tags: { "headroom-contract": null, "user:headroom-contract": "EA-3" } },
  { providerName: "AWS", commitmentDiscountId: "EA-1", extra: { ContractApplied: element }, tags: { "headroom-contract": "EA-3" } },
  { providerName: "AWS", extra: { ContractApplied: element }, tags: { "headroom-contract": "EA-3" } },
  { providerName: "AWS", capacityReservationId: "cr-0abc" },
  { providerName: "AWS", capacityReservationId: "cr-0abc", ...at("2026-06-01T00:00:00Z") },
  { providerName: "AWS", tags: { "headroom-reservation": " training-east-1 " } },
  { providerName: "AWS", capacityReservationId: "cr-0abc", tags: { "user:headroom-reservation": "training-east-1" } },
  { providerName: "AWS", capacityReservationId: "cr-none", tags: { "headroom-reservation": "training-east-1" } },
  { providerName: "Microsoft", capacityReservationId: "cr-0abc" },
  { providerName: "Nobody", capacityReservationId: "cr-0abc" },
  { providerName: "AWS", capacityReservationId: "cr-old" },
  { providerName: "AWS", capacityReservationId: "cr-dup" },
  { providerName: "AWS", capacityReservationId: "cr-0abc", tags: { "headroom-contract": "EA-3" } },
  { providerName: "AWS", skuId: "p5.test", regionId: "us-east-1" },
  { providerName: "AWS", skuId: " p5.test ", regionId: "US-WEST-2 " },
  { providerName: "AWS", skuId: "p5.test", regionId: null },
  { providerName: "AWS", skuId: "p5.test", regionId: "us-west-2", capacityReservationId: "cr-dup" },
  { providerName: "AWS", skuId: "HSRFWQ3TJGWVZ2EK", regionId: "us-west-2" },
  { providerName: "AWS", skuId: "HQEH3ZWJVT46JHRG", regionId: "eu-west-1", capacityReservationId: "cr-0abc" },
  { providerName: "Microsoft", skuId: "p5.test" },
  { providerName: "Nobody", skuId: "p5.test" },
  { providerName: "AWS", serviceName: " AMAZONVPC " },
  { providerName: "AWS", serviceName: "AmazonVPC", billingCurrency: "EUR" },
  { providerName: "AWS", tags: { team: " data " } },
  { providerName: "AWS", tags: { "user:team": "data" } },
  { providerName: "AWS", tags: { team: "Data" } },
  { providerName: "AWS", subAccountId: " 18938484842 ", serviceName: "Amazon Elastic Compute Cloud", ...at("2024-09-10T00:00:00Z") },
  { providerName: "AWS", serviceName: "Amazon Elastic Compute Cloud", regionId: "us-west-2", ...at("2024-09-30T23:00:00Z") },
  { providerName: "AWS", serviceName: "Amazon Elastic Compute Cloud", regionId: "us-west-2", ...at("2024-10-01T00:00:00Z") },
  { providerName: "Azure", skuId: " p5.test ", subAccountId: "18938484842" },
  { providerName: "AWS", skuId: "p5.test", subAccountId: " 18938484842 " },
  { providerName: "AWS", serviceName: "AmazonVPC", regionId: " us-east-1" },
  { providerName: "Nobody", serviceName: "AmazonVPC", regionId: "us-east-1" },
  { providerName: "AWS", resourceId: "arn:aws:ec2:us-west-2:1234:instance/i-1" },
  { providerName: "AWS", resourceId: " arn:aws:ec2:eu-west-1:1234:instance/i-1" },
  { providerName: "AWS", resourceId: "ARN:aws:ec2:us-west-2:1234" },
  { providerName: "AWS", resourceId: "i-0123", tags: { "user:Owner": "team-data" }, regionId: "US-West-2" },
  { providerName: "AWS", resourceId: "", tags: { Owner: "team-data" } },
];

export async function insertMatchingCases(db: Db): Promise<number> {
  const importId = await insertImport(db);
  await insertCharges(db, importId, MATCHING_CASES);
  return importId;
}
