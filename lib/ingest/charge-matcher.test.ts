import { describe, expect, it } from "vitest";
import { ChargeMatcher, type ChargeKeys } from "./charge-matcher";
import type { ChargeRegisters } from "./charge-registers";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const AWS = id(1);
const AZURE = id(2);
const GCP = id(3);
const GOOGLE = id(4);
const OLD_AWS = id(5);
const H100 = id(101);
const H200 = id(102);
const B200 = id(103);
const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

type Registers = ChargeRegisters;
type ContractRow = Registers["contracts"][number];

function contract(n: number, values: Partial<ContractRow> = {}): ContractRow {
  return {
    id: id(200 + n),
    providerId: AWS,
    reference: null,
    currency: "USD",
    startMs: day("2026-01-01"),
    endMs: day("2027-01-01"),
    live: true,
    ...values,
  };
}

function reservation(n: number, values: Partial<Registers["reservations"][number]> = {}): Registers["reservations"][number] {
  return {
    id: id(300 + n),
    providerId: AWS,
    name: `block-${n}`,
    capacityReservationId: null,
    contractId: null,
    acceleratorTypeId: H100,
    live: true,
    ...values,
  };
}

function matcher(r: Partial<Registers> = {}): ChargeMatcher {
  const contracts = [...(r.contracts ?? [])].sort((a, b) => b.startMs - a.startMs || (a.id < b.id ? -1 : 1));
  return new ChargeMatcher({
    providers: r.providers ?? [
      { id: AWS, name: "AWS", live: true },
      { id: AZURE, name: "Microsoft Azure", live: true },
      { id: GCP, name: "GCP", live: true },
      { id: GOOGLE, name: "Google Cloud", live: true },
    ],
    contracts,
    reservations: [...(r.reservations ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)),
    skuMappings: r.skuMappings ?? [],
    contractMappings: r.contractMappings ?? [],
    allocationRules: r.allocationRules ?? [],
  });
}

function charge(values: Partial<ChargeKeys> = {}): ChargeKeys {
  return {
    providerName: "AWS",
    tags: null,
    extra: null,
    billingCurrency: "USD",
    chargePeriodStartMs: Date.parse("2026-03-01T00:00:00Z"),
    commitmentDiscountId: null,
    capacityReservationId: null,
    skuId: null,
    regionId: null,
    serviceName: null,
    subAccountId: null,
    ...values,
  };
}

describe("ChargeMatcher: provider", () => {
  const m = matcher();
  it.each([
    ["aws", AWS],
    ["  AWS  ", AWS],
    ["Amazon Web Services", AWS],
    ["Microsoft", AZURE],
    ["azure", AZURE],
    ["GCP", GCP],
    ["google cloud", GOOGLE],
    ["Unknown Cloud", null],
    ["\tAWS", null],
  ])("ties %j to its provider, own name before alias, trimming spaces only", (name, expected) => {
    expect(m.match(charge({ providerName: name })).providerId).toBe(expected);
  });

  it("takes the alias of two providers by name in byte order ('GCP' before 'Google Cloud')", () => {
    expect(m.match(charge({ providerName: "Google" })).providerId).toBe(GCP);
  });

  it("prefers an own name even archived, then a live provider's alias to an archived one's", () => {
    const archivedFirst = matcher({
      providers: [
        { id: OLD_AWS, name: "Amazon", live: false },
        { id: AWS, name: "AWS", live: true },
      ],
    });
    expect(archivedFirst.match(charge({ providerName: "amazon" })).providerId).toBe(OLD_AWS);
    expect(archivedFirst.match(charge({ providerName: "amazon web services" })).providerId).toBe(AWS);
  });

  it("reads ServiceProviderName from extra when ProviderName is null or blank, JSON null ending the search", () => {
    expect(m.match(charge({ providerName: null, extra: { ServiceProviderName: " aws " } })).providerId).toBe(AWS);
    expect(m.match(charge({ providerName: "   ", extra: { serviceprovidername: "Azure" } })).providerId).toBe(AZURE);
    expect(m.match(charge({ providerName: null, extra: { ServiceProviderName: null, serviceprovidername: "AWS" } })).providerId).toBeNull();
    expect(m.match(charge({ providerName: null, extra: { ServiceproviderName: "AWS" } })).providerId).toBeNull();
  });

  it("keeps a provider already set when no name resolves", () => {
    expect(m.match(charge({ providerName: "Nobody", providerId: AZURE })).providerId).toBe(AZURE);
    expect(m.match(charge({ providerName: "AWS", providerId: AZURE })).providerId).toBe(AWS);
  });
});

describe("ChargeMatcher: reservation", () => {
  const m = matcher({
    reservations: [
      reservation(2, { capacityReservationId: "cr-1" }),
      reservation(1, { capacityReservationId: "cr-1" }),
      reservation(3, { capacityReservationId: "cr-1", providerId: AZURE }),
      reservation(4, { capacityReservationId: "cr-old", live: false }),
      reservation(5, { name: "training-east" }),
      reservation(6, { name: "gone", live: false }),
    ],
  });
  const r = (values: Partial<ChargeKeys>) => m.match(charge(values)).reservationId;

  it("ties by CapacityReservationId, lowest id first, same provider, never archived", () => {
    expect(r({ capacityReservationId: " cr-1 " })).toBe(id(301));
    expect(r({ providerName: "Azure", capacityReservationId: "cr-1" })).toBe(id(303));
    expect(r({ providerName: "Nobody", capacityReservationId: "cr-1" })).toBe(id(301));
    expect(r({ providerName: "GCP", capacityReservationId: "cr-1" })).toBeNull();
    expect(r({ capacityReservationId: "cr-old" })).toBeNull();
  });

  it("ties by the headroom-reservation tag (or user:), after CapacityReservationId", () => {
    expect(r({ tags: '{"headroom-reservation":" training-east "}' })).toBe(id(305));
    expect(r({ tags: '{"user:headroom-reservation":"training-east"}' })).toBe(id(305));
    expect(r({ tags: '{"headroom-reservation":null,"user:headroom-reservation":"training-east"}' })).toBe(id(305));
    expect(r({ tags: '{"headroom\\u002dreservation":"training-east"}' })).toBe(id(305));
    expect(r({ tags: '{"headroom-reservation":"training-east"}', capacityReservationId: "cr-1" })).toBe(id(301));
    expect(r({ tags: '{"headroom-reservation":"training-east"}', capacityReservationId: "cr-none" })).toBe(id(305));
    expect(r({ tags: '{"headroom-reservation":"gone"}' })).toBeNull();
    expect(r({ tags: '{"headroom-reservation":"training-east"}', providerName: "Azure" })).toBeNull();
    expect(r({ tags: '[{"headroom-reservation":"training-east"}]' })).toBeNull();
    expect(r({ tags: '{"Headroom-Reservation":"training-east"}' })).toBeNull();
  });
});

describe("ChargeMatcher: contract", () => {
  const base = {
    contracts: [
      contract(1, { reference: "SP-1" }),
      contract(2, { reference: "SP-1", providerId: AZURE }),
      contract(3, { reference: "EA-2" }),
      contract(4, { reference: "TAG-3" }),
      contract(5, { reference: "RES-4" }),
      contract(6, { reference: "EUR-5", currency: "EUR" }),
      contract(7, { reference: "OLD-6", live: false }),
      contract(8, { reference: "MULTI", startMs: day("2025-06-01") }),
      contract(9, { reference: "MULTI", startMs: day("2026-02-01"), endMs: day("2026-12-01") }),
      contract(10, { reference: "TIE", startMs: day("2026-02-01") }),
      contract(11, { reference: "TIE", startMs: day("2026-02-01") }),
    ],
    reservations: [reservation(1, { capacityReservationId: "cr-1", contractId: id(205) })],
  };
  const m = matcher(base);
  const k = (values: Partial<ChargeKeys>) => m.match(charge(values)).contractId;
  const element = { Elements: [{ ContractId: "EA-2", ContractCommitmentId: "CC-1", ContractCommitmentAppliedCost: 1 }] };

  it("ties by CommitmentDiscountId = reference, of the charge's provider, currency and term [start, end) at UTC midnight", () => {
    expect(k({ commitmentDiscountId: " SP-1 " })).toBe(id(201));
    expect(k({ providerName: "Azure", commitmentDiscountId: "SP-1" })).toBe(id(202));
    expect(k({ commitmentDiscountId: "SP-1", billingCurrency: "EUR" })).toBeNull();
    expect(k({ commitmentDiscountId: "EUR-5", billingCurrency: "EUR" })).toBe(id(206));
    expect(k({ commitmentDiscountId: "SP-1", chargePeriodStartMs: day("2026-01-01") })).toBe(id(201));
    expect(k({ commitmentDiscountId: "SP-1", chargePeriodStartMs: day("2026-01-01") - 1 })).toBeNull();
    expect(k({ commitmentDiscountId: "SP-1", chargePeriodStartMs: day("2027-01-01") - 1 })).toBe(id(201));
    expect(k({ commitmentDiscountId: "SP-1", chargePeriodStartMs: day("2027-01-01") })).toBeNull();
    expect(k({ commitmentDiscountId: "OLD-6" })).toBeNull();
    expect(k({ commitmentDiscountId: "sp-1" })).toBeNull();
  });

  it("takes the newest start date first, then the lowest id", () => {
    expect(k({ commitmentDiscountId: "MULTI" })).toBe(id(209));
    expect(k({ commitmentDiscountId: "MULTI", chargePeriodStartMs: day("2026-12-15") })).toBe(id(208));
    expect(k({ commitmentDiscountId: "TIE" })).toBe(id(210));
  });

  it("takes any provider's contract when the charge's provider is unknown", () => {
    expect(k({ providerName: "Nobody", commitmentDiscountId: "SP-1" })).toBe(id(201));
  });

  it("ties by a ContractId in ContractApplied, as a JSON value or as an escaped string, in any of its spellings", () => {
    expect(k({ extra: { ContractApplied: element } })).toBe(id(203));
    expect(k({ extra: { contractapplied: JSON.stringify(element) } })).toBe(id(203));
    expect(k({ extra: { contractApplied: '{"ContractId" : "EA-2"}' } })).toBe(id(203));
    expect(k({ extra: { CONTRACTAPPLIED: { Elements: [{ ContractId: " EA-2 " }] } } })).toBe(id(203));
    expect(k({ extra: { Contractapplied: element } })).toBeNull();
    expect(k({ extra: { ContractApplied: null, contractapplied: element } })).toBeNull();
    expect(k({ extra: { ContractApplied: element }, commitmentDiscountId: "SP-1" })).toBe(id(201));
    expect(k({ extra: { ContractApplied: element }, commitmentDiscountId: "SP-999" })).toBe(id(203));
  });

  it("picks the newest fitting contract among several ContractIds", () => {
    const several = { Elements: [{ ContractId: "SP-1" }, { ContractId: "MULTI" }, { ContractId: "EUR-5" }] };
    expect(k({ extra: { ContractApplied: several } })).toBe(id(209));
    expect(k({ extra: { ContractApplied: several }, chargePeriodStartMs: day("2026-12-15") })).toBe(id(201));
  });

  it("ties by the headroom-contract tag (or user:), then by the reservation's contract", () => {
    expect(k({ tags: '{"headroom-contract":"TAG-3"}' })).toBe(id(204));
    expect(k({ tags: '{"user:headroom-contract":" TAG-3 "}' })).toBe(id(204));
    expect(k({ tags: '{"headroom-contract":"TAG-3"}', extra: { ContractApplied: element } })).toBe(id(203));
    expect(k({ tags: '{"headroom-contract":"TAG-3"}', capacityReservationId: "cr-1" })).toBe(id(204));
    expect(k({ capacityReservationId: "cr-1" })).toBe(id(205));
    expect(k({ capacityReservationId: "cr-1", billingCurrency: "EUR" })).toBeNull();
    expect(k({ tags: '{"headroom-contract":7}' })).toBeNull();
  });

  it("reads a numeric or boolean tag value as its JSON text", () => {
    const numeric = matcher({ contracts: [contract(1, { reference: "7" }), contract(2, { reference: "true" })] });
    expect(numeric.match(charge({ tags: '{"headroom-contract":7}' })).contractId).toBe(id(201));
    expect(numeric.match(charge({ tags: '{"headroom-contract":true}' })).contractId).toBe(id(202));
  });
});

describe("ChargeMatcher: contract mappings", () => {
  const mapping = (values: Partial<Registers["contractMappings"][number]>): Registers["contractMappings"][number] => ({
    providerId: AWS,
    serviceName: null,
    skuId: null,
    regionId: null,
    tagKey: null,
    tagValue: null,
    subAccountId: null,
    contractId: id(201),
    live: true,
    ...values,
  });
  const m = matcher({
    contracts: [contract(1), contract(2), contract(3), contract(4, { currency: "EUR" }), contract(5), contract(6), contract(7)],
    contractMappings: [
      // In the loader's order: most specific first, then created_at, id.
      mapping({ serviceName: "Amazon S3", regionId: "US-EAST-1", contractId: id(202) }),
      mapping({ serviceName: "Amazon EC2", skuId: "EUR-SKU", contractId: id(204) }),
      mapping({ serviceName: "amazon s3", contractId: id(201) }),
      mapping({ serviceName: "Amazon S3", contractId: id(207), live: false }),
      mapping({ tagKey: "team", tagValue: "data", contractId: id(203) }),
      mapping({ subAccountId: "123", contractId: id(205) }),
      mapping({ skuId: "EUR-SKU", contractId: id(206) }),
    ],
  });
  const k = (values: Partial<ChargeKeys>) => m.match(charge(values)).contractId;

  it("applies the most specific live mapping whose every field equals the charge's", () => {
    expect(k({ serviceName: " AMAZON S3 ", regionId: "us-east-1 " })).toBe(id(202));
    expect(k({ serviceName: "Amazon S3", regionId: "us-west-2" })).toBe(id(201));
    expect(k({ serviceName: "Amazon S3" })).toBe(id(201));
    expect(k({ tags: '{"team":"data"}' })).toBe(id(203));
    expect(k({ tags: '{"user:team":" data "}' })).toBe(id(203));
    expect(k({ tags: '{"team":"Data"}' })).toBeNull();
    expect(k({ subAccountId: " 123 " })).toBe(id(205));
    expect(k({ subAccountId: "0123" })).toBeNull();
    expect(k({ providerName: "Azure", serviceName: "Amazon S3" })).toBeNull();
    expect(k({ providerName: "Nobody", serviceName: "Amazon S3" })).toBeNull();
  });

  it("skips a mapping whose contract does not fit the charge and takes the next", () => {
    expect(k({ serviceName: "Amazon EC2", skuId: "EUR-SKU" })).toBe(id(206));
    expect(k({ serviceName: "Amazon EC2", skuId: "EUR-SKU", billingCurrency: "EUR" })).toBe(id(204));
  });

  it("comes after the explicit ties", () => {
    const withRef = matcher({
      contracts: [contract(1), contract(2, { reference: "SP" })],
      contractMappings: [mapping({ serviceName: "Amazon S3" })],
    });
    expect(withRef.match(charge({ serviceName: "Amazon S3", commitmentDiscountId: "SP" })).contractId).toBe(id(202));
  });
});

describe("ChargeMatcher: accelerator type", () => {
  const sku = (values: Partial<Registers["skuMappings"][number]>): Registers["skuMappings"][number] => ({
    providerId: AWS,
    skuId: "p5.48xlarge",
    regionId: null,
    acceleratorTypeId: H100,
    live: true,
    ...values,
  });
  const m = matcher({
    skuMappings: [
      sku({}),
      sku({ regionId: "us-west-2", acceleratorTypeId: H200 }),
      sku({ regionId: "US-WEST-2", acceleratorTypeId: B200 }),
      sku({ skuId: "p6", regionId: "eu-west-1", acceleratorTypeId: B200 }),
      sku({ providerId: AZURE, skuId: "ND96", live: false }),
    ],
    reservations: [reservation(1, { capacityReservationId: "cr-b200", acceleratorTypeId: B200 })],
  });
  const a = (values: Partial<ChargeKeys>) => m.match(charge(values)).acceleratorTypeId;

  it("takes the region's mapping (any case, lowest id), then the region-less one, then the reservation's type", () => {
    expect(a({ skuId: "p5.48xlarge", regionId: "us-east-1" })).toBe(H100);
    expect(a({ skuId: " p5.48xlarge ", regionId: " Us-West-2" })).toBe(H200);
    expect(a({ skuId: "p5.48xlarge" })).toBe(H100);
    expect(a({ skuId: "p5.48xlarge", regionId: "us-west-2", capacityReservationId: "cr-b200" })).toBe(H200);
    expect(a({ skuId: "p6", regionId: "us-east-1", capacityReservationId: "cr-b200" })).toBe(B200);
    expect(a({ skuId: "p6", regionId: "us-east-1" })).toBeNull();
    expect(a({ capacityReservationId: "cr-b200" })).toBe(B200);
  });

  it("ignores archived mappings, other providers' SKUs and charges of no provider", () => {
    expect(a({ providerName: "Azure", skuId: "ND96" })).toBeNull();
    expect(a({ providerName: "Azure", skuId: "p5.48xlarge" })).toBeNull();
    expect(a({ providerName: "Nobody", skuId: "p5.48xlarge" })).toBeNull();
    expect(a({ skuId: "P5.48XLARGE" })).toBeNull();
  });
});

describe("ChargeMatcher: workload (allocation rules)", () => {
  const TRAINING = id(401);
  const INFERENCE = id(402);
  const STORAGE = id(403);
  const rule = (values: Partial<Registers["allocationRules"][number]>): Registers["allocationRules"][number] => ({
    providerId: null,
    serviceName: null,
    skuId: null,
    regionId: null,
    subAccountId: null,
    tagKey: null,
    tagValue: null,
    resourceIdPrefix: null,
    workloadId: TRAINING,
    ...values,
  });
  // In position order, as the registers load them.
  const m = matcher({
    allocationRules: [
      rule({ providerId: AWS, serviceName: "Amazon S3", regionId: "US-EAST-1", workloadId: STORAGE }),
      rule({ serviceName: "amazon s3", workloadId: INFERENCE }),
      rule({ tagKey: "team", tagValue: "pretrain", workloadId: TRAINING }),
      rule({ subAccountId: "1234", skuId: "p5", workloadId: INFERENCE }),
      rule({ resourceIdPrefix: "arn:aws:ec2:us-west-2:1234:", workloadId: STORAGE }),
    ],
  });
  const w = (values: Partial<ChargeKeys>) => m.match(charge(values)).workloadId;

  it("gives the first rule whose every named field matches; a charge the first misses goes to the second", () => {
    expect(w({ serviceName: "Amazon S3", regionId: "us-east-1" })).toBe(STORAGE);
    expect(w({ serviceName: " AMAZON S3 ", regionId: "eu-west-1" })).toBe(INFERENCE);
    expect(w({ providerName: "Azure", serviceName: "Amazon S3", regionId: "us-east-1" })).toBe(INFERENCE);
  });

  it("reads tags as key or user:key, sub-account and SKU trimmed, resource ids by prefix", () => {
    expect(w({ tags: JSON.stringify({ team: " pretrain " }) })).toBe(TRAINING);
    expect(w({ tags: JSON.stringify({ "user:team": "pretrain" }) })).toBe(TRAINING);
    expect(w({ tags: JSON.stringify({ team: "Pretrain" }) })).toBeNull();
    expect(w({ subAccountId: " 1234 ", skuId: " p5 " })).toBe(INFERENCE);
    expect(w({ subAccountId: "1234" })).toBeNull();
    expect(w({ resourceId: "arn:aws:ec2:us-west-2:1234:instance/i-1" })).toBe(STORAGE);
    expect(w({ resourceId: "arn:aws:ec2:us-west-2:12345:instance/i-1" })).toBeNull();
    expect(w({})).toBeNull();
  });

  it("names no workload when there are no rules", () => {
    expect(matcher().match(charge({ serviceName: "Amazon S3" })).workloadId).toBeNull();
  });
});
