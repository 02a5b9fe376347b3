import { describe, expect, it } from "vitest";
import { addMonthsKeepingDay, applyScenario, filterModel } from "./apply";
import { compactOverrides, scenarioOverridesSchema } from "./overrides";
import type { PlanningBlock, PlanningModel } from "./types";

const t = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const AZURE = U(1);
const OWN = U(2);
const H100 = U(11);
const GB200 = U(12);
const SITE_A = U(21);
const SITE_B = U(22);

function block(id: string, over: Partial<PlanningBlock> = {}): PlanningBlock {
  return {
    id,
    name: `Block ${id.slice(-2)}`,
    providerId: AZURE,
    providerName: "Azure",
    providerKind: "hyperscaler",
    siteId: SITE_A,
    siteName: "Alpha",
    acceleratorTypeId: H100,
    typeName: "H100 SXM",
    family: "H100",
    vendor: "NVIDIA",
    quantity: 100,
    startAt: t("2026-01-01"),
    endAt: t("2027-01-01"),
    pricingModel: "reserved",
    rate: "2.00",
    currency: "USD",
    contractId: null,
    status: "active",
    h100eFactor: "1",
    systemW: 1000,
    bf16Tflops: "989.4",
    ...over,
  };
}

function baseline(): PlanningModel {
  return {
    asOf: t("2026-03-16T12:00:00Z"),
    scenario: null,
    blocks: [
      block(U(101)),
      block(U(102), {
        providerId: OWN,
        providerName: "Own",
        siteId: SITE_B,
        siteName: "Beta",
        acceleratorTypeId: GB200,
        typeName: "GB200",
        family: "GB200",
        rate: "4.00",
      }),
      block(U(103), { family: "GB200", acceleratorTypeId: GB200, typeName: "GB200", startAt: t("2026-01-31T06:00:00Z"), rate: "5.00" }),
    ],
    sites: [
      { id: SITE_A, name: "Alpha", providerId: AZURE, providerName: "Azure", pue: "1.25", budgets: [] },
      { id: SITE_B, name: "Beta", providerId: OWN, providerName: "Own", pue: "1.40", budgets: [] },
    ],
    demandPlans: [
      {
        id: U(201),
        name: "Run",
        family: "GB200",
        h100e: "2500",
        accelerators: 1000,
        startAt: t("2026-04-01"),
        endAt: t("2026-10-01"),
        priority: 1,
        kind: "training",
        scenarioId: null,
      },
      {
        id: U(202),
        name: "Serve",
        family: "H100",
        h100e: "300",
        accelerators: null,
        startAt: t("2026-01-01"),
        endAt: t("2026-12-01"),
        priority: 2,
        kind: "inference",
        scenarioId: null,
      },
    ],
    demandGrowthPct: "0",
    catalog: {
      providers: [
        { id: AZURE, name: "Azure", kind: "hyperscaler" },
        { id: OWN, name: "Own", kind: "owned" },
      ],
      acceleratorTypes: [
        { id: H100, name: "H100 SXM", family: "H100", vendor: "NVIDIA", h100eFactor: "1", systemW: 1000, bf16Tflops: "989.4" },
        { id: GB200, name: "GB200", family: "GB200", vendor: "NVIDIA", h100eFactor: "2.5", systemW: 1800, bf16Tflops: "2500" },
      ],
    },
    warnings: [],
  };
}

const overrides = (o: unknown) => scenarioOverridesSchema.parse(o);

describe("applyScenario", () => {
  it("returns the baseline unchanged with no overrides, and never changes its input", () => {
    const base = baseline();
    const before = structuredClone(base);
    const out = applyScenario(base, overrides({}), { id: U(9), name: "Nothing" });
    expect(out.blocks).toEqual(base.blocks);
    expect(out.scenario).toEqual({ id: U(9), name: "Nothing" });
    expect(out.demandGrowthPct).toBe("0");
    expect(out.warnings).toEqual([]);
    applyScenario(
      base,
      overrides({
        priceChangePct: [{ family: "H100", pct: "50" }],
        delaySlips: [{ reservationId: U(101), months: 2 }],
        pueBySite: { [SITE_A]: "2" },
      }),
    );
    expect(base).toEqual(before);
  });

  it("adds a reservation with the catalog's type facts, its own rate and a status from asOf", () => {
    const out = applyScenario(
      baseline(),
      overrides({
        addReservations: [
          {
            name: "Extra GB200",
            providerId: OWN,
            siteId: SITE_B,
            acceleratorTypeId: GB200,
            quantity: 4096,
            startAt: "2026-06-01",
            endAt: "2029-06-01",
            pricingModel: "reserved",
            rate: "3.5",
          },
        ],
        priceChangePct: [{ family: "GB200", pct: "10" }],
      }),
    );
    const added = out.blocks.find((b) => b.added)!;
    expect(added).toMatchObject({
      name: "Extra GB200",
      providerName: "Own",
      providerKind: "owned",
      siteName: "Beta",
      family: "GB200",
      vendor: "NVIDIA",
      quantity: 4096,
      startAt: t("2026-06-01"),
      endAt: t("2029-06-01"),
      rate: "3.5", // price changes leave a planner-entered rate alone
      status: "planned",
      h100eFactor: "2.5",
      systemW: 1800,
      contractId: null,
    });
    expect(out.blocks).toHaveLength(4);
  });

  it("removes reservations and warns about one that is gone", () => {
    const out = applyScenario(baseline(), overrides({ removeReservationIds: [U(102), U(999)] }));
    expect(out.blocks.map((b) => b.id)).toEqual([U(101), U(103)]);
    expect(out.warnings).toEqual([`A removed reservation (${U(999)}) is no longer in the registers.`]);
  });

  it("slips a delivery by N calendar months, keeping the day (31 Jan + 1 month → 28 Feb) and never past the end", () => {
    const out = applyScenario(
      baseline(),
      overrides({
        delaySlips: [
          { reservationId: U(101), months: 3 },
          { reservationId: U(103), months: 1 },
          { reservationId: U(102), months: 24 },
        ],
      }),
    );
    const byId = new Map(out.blocks.map((b) => [b.id, b]));
    expect(byId.get(U(101))!.startAt).toEqual(t("2026-04-01"));
    expect(byId.get(U(103))!.startAt).toEqual(t("2026-02-28T06:00:00Z"));
    expect(byId.get(U(102))!.startAt).toEqual(t("2027-01-01")); // 2028-01-01 is past the end: no capacity left
    expect(byId.get(U(101))!.slippedMonths).toBe(3);
  });

  it("changes prices by provider, by family or both, compounding matching changes: 2.00 × 1.10 × 0.80 = 1.76", () => {
    const out = applyScenario(
      baseline(),
      overrides({
        priceChangePct: [
          { providerId: AZURE, pct: "10" }, // blocks 101 (2.00 → 2.20) and 103 (5.00 → 5.50)
          { family: "H100", pct: "-20" }, // block 101: 2.20 × 0.8 = 1.76
          { providerId: OWN, family: "GB200", pct: "12.5" }, // block 102: 4.00 × 1.125 = 4.5
        ],
      }),
    );
    expect(out.blocks.map((b) => [b.id, b.rate])).toEqual([
      [U(101), "1.76"],
      [U(102), "4.5"],
      [U(103), "5.5"],
    ]);
  });

  it("replaces a site's PUE and carries the demand growth", () => {
    const out = applyScenario(baseline(), overrides({ pueBySite: { [SITE_B]: "1.1" }, demandGrowthPct: 30 }));
    expect(out.sites.map((s) => s.pue)).toEqual(["1.25", "1.1"]);
    expect(out.demandGrowthPct).toBe("30");
  });

  it("leaves out an added reservation whose site is unknown, with a warning", () => {
    const out = applyScenario(
      baseline(),
      overrides({
        addReservations: [
          {
            name: "Lost",
            providerId: OWN,
            siteId: U(77),
            acceleratorTypeId: GB200,
            quantity: 1,
            startAt: "2026-06-01",
            endAt: "2026-07-01",
            pricingModel: "spot",
            rate: "1",
          },
        ],
      }),
    );
    expect(out.blocks).toHaveLength(3);
    expect(out.warnings[0]).toContain("names a site that no longer exists");
  });
});

describe("filterModel", () => {
  it("keeps blocks matching every filter, sites by provider and id, demand plans by family", () => {
    const out = filterModel(baseline(), { provider: AZURE, family: "GB200" });
    expect(out.blocks.map((b) => b.id)).toEqual([U(103)]);
    expect(out.sites.map((s) => s.id)).toEqual([SITE_A]);
    expect(out.demandPlans.map((p) => p.name)).toEqual(["Run"]);
    expect(filterModel(baseline(), { site: SITE_B }).blocks.map((b) => b.id)).toEqual([U(102)]);
  });
});

describe("scenario overrides", () => {
  it("accepts the demo seed's overrides, numbers kept exact as text", () => {
    expect(scenarioOverridesSchema.parse({ demandGrowthPct: 30 })).toEqual({ demandGrowthPct: "30" });
    expect(scenarioOverridesSchema.parse({ demandGrowthPct: "10" })).toEqual({ demandGrowthPct: "10" });
  });

  it.each([
    [{ colour: "red" }, "Unrecognized key"],
    [{ demandGrowthPct: "abc" }, "Demand growth must be a number"],
    [{ demandGrowthPct: "-101" }, "between -100 and 1000"],
    [{ pueBySite: { [SITE_A]: "0.9" } }, "PUE must be between 1 and 3"],
    [{ priceChangePct: [{ pct: "5" }] }, "names a provider, a family or both"],
    [{ delaySlips: [{ reservationId: U(1), months: 0 }] }, "at least 1 month"],
    [
      {
        delaySlips: [
          { reservationId: U(1), months: 1 },
          { reservationId: U(1), months: 2 },
        ],
      },
      "slips at most once",
    ],
    [
      {
        addReservations: [
          {
            name: "X",
            providerId: OWN,
            siteId: SITE_B,
            acceleratorTypeId: GB200,
            quantity: 1,
            startAt: "2026-07-01",
            endAt: "2026-06-01",
            pricingModel: "reserved",
            rate: "1",
          },
        ],
      },
      "End must be after start",
    ],
    [
      {
        addReservations: [
          {
            name: "X",
            providerId: OWN,
            siteId: SITE_B,
            acceleratorTypeId: GB200,
            quantity: 1.5,
            startAt: "2026-06-01",
            endAt: "2026-07-01",
            pricingModel: "reserved",
            rate: "1",
          },
        ],
      },
      "whole number",
    ],
    [{ removeReservationIds: ["not-an-id"] }, "Choose a reservation"],
  ])("refuses %j (%s)", (value, message) => {
    const parsed = scenarioOverridesSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(" | ")).toContain(message);
  });

  it("reads an added reservation's quantity typed with thousands separators, and refuses a decimal comma", () => {
    const added = (quantity: string) => ({
      addReservations: [
        {
          name: "X",
          providerId: OWN,
          siteId: SITE_B,
          acceleratorTypeId: GB200,
          quantity,
          startAt: "2026-06-01",
          endAt: "2026-07-01",
          pricingModel: "reserved",
          rate: "1",
        },
      ],
    });
    expect(overrides(added("2,000")).addReservations?.[0]?.quantity).toBe(2000);
    expect(overrides(added("2 000")).addReservations?.[0]?.quantity).toBe(2000);
    const refused = scenarioOverridesSchema.safeParse(added("2,5"));
    expect(refused.error?.issues.map((i) => i.message)).toEqual([
      "Quantity must be a number: a comma or space may only separate thousands, as in 2,000; decimals take a point, as in 2.5.",
    ]);
  });

  it("compacts away empty parts and a zero growth", () => {
    expect(
      compactOverrides(overrides({ demandGrowthPct: "0", addReservations: [], removeReservationIds: [U(1), U(1)], pueBySite: {} })),
    ).toEqual({
      removeReservationIds: [U(1)],
    });
  });
});

describe("addMonthsKeepingDay", () => {
  it("keeps the time and clamps to the month's last day, across years", () => {
    expect(addMonthsKeepingDay(t("2027-11-30T08:30:00Z"), 3)).toEqual(t("2028-02-29T08:30:00Z"));
    expect(addMonthsKeepingDay(t("2026-12-15"), 1)).toEqual(t("2027-01-15"));
  });
});
