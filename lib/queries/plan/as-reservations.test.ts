import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { addedReservationSchema } from "@/lib/planning/overrides";
import type { PlanBlock } from "@/lib/planning/procurement/types";
import { blocksAsReservations, mergeBlocks } from "./as-reservations";
import { noticeDate } from "./request-csv";

const P = "00000000-0000-4000-8000-000000000001";
const S = "00000000-0000-4000-8000-000000000002";
const T = "00000000-0000-4000-8000-000000000003";

const block = (more: Partial<PlanBlock> = {}): PlanBlock => ({
  offerId: "o1",
  label: "CoreWeave NVIDIA GB200 reserved 12 mo · Plano",
  providerId: P,
  providerName: "CoreWeave",
  vendor: "nvidia",
  siteId: S,
  family: "GB200",
  pricingModel: "reserved",
  quantity: 144,
  h100e: 360,
  startMonth: "2027-02",
  endMonth: "2028-01",
  termMonths: 12,
  ratePerHour: "4.25",
  committedCost: "5361120",
  costInHorizon: "5361120",
  leadTimeDays: 105,
  acceleratorTypeId: T,
  typeName: "NVIDIA GB200",
  siteName: "Plano",
  region: null,
  source: "quote",
  ...more,
});

describe("blocksAsReservations", () => {
  it("turns a reserved block into an added reservation from the first of its start month to the first after its end", () => {
    const [r] = blocksAsReservations([block()]);
    expect(r).toEqual({
      name: "CoreWeave NVIDIA GB200 reserved 12 mo · Plano · 2027-02",
      providerId: P,
      siteId: S,
      acceleratorTypeId: T,
      quantity: 144,
      startAt: "2027-02-01",
      endAt: "2028-02-01",
      pricingModel: "reserved",
      rate: "4.25",
    });
    expect(addedReservationSchema.safeParse(r).success).toBe(true);
  });

  it("keeps on-demand and spot, saves a build as reserved at its rate rounded to 10 decimals", () => {
    const [od, spot, build] = blocksAsReservations([
      block({ pricingModel: "on_demand", endMonth: "2028-10" }),
      block({ pricingModel: "spot" }),
      block({ pricingModel: "owned", ratePerHour: "1.234567890123456" }),
    ]);
    expect(od).toMatchObject({ pricingModel: "on_demand", endAt: "2028-11-01" });
    expect(spot!.pricingModel).toBe("spot");
    expect(build).toMatchObject({ pricingModel: "reserved", rate: "1.2345678901" });
    expect(addedReservationSchema.safeParse(build).success).toBe(true);
  });

  it("refuses a block in a cloud region where the provider has no site, naming provider and region", () => {
    const refuse = () => blocksAsReservations([block({ siteId: null, siteName: null, region: "eu-north1", providerName: "Nebius" })]);
    expect(refuse).toThrow(ValidationError);
    expect(refuse).toThrow("The plan buys Nebius in eu-north1, where Nebius has no site of ours: add a site for it under Sites first.");
  });

  it("merges blocks of the same offer and start month, summing quantity and cost exactly", () => {
    const merged = mergeBlocks([
      block(),
      block({ quantity: 72, h100e: 180, committedCost: "0.1", costInHorizon: "0.2" }),
      block({ startMonth: "2027-03" }),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ quantity: 216, h100e: 540, committedCost: "5361120.1", costInHorizon: "5361120.2" });
  });
});

describe("noticeDate", () => {
  it("is the start less the lead time, never before asOf", () => {
    // 1 Feb 2027 − 105 days: 1 Oct 2026 is 123 days before, so 123 − 105 = 18 days after it, 19 Oct 2026.
    expect(noticeDate(block(), new Date("2026-09-01T12:00:00Z")).toISOString().slice(0, 10)).toBe("2026-10-19");
    expect(noticeDate(block(), new Date("2026-11-17T09:30:00Z")).toISOString().slice(0, 10)).toBe("2026-11-17");
  });
});
