import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, allocations, demandPlans, offers, teams, workloads } from "@/lib/db/schema";
import { insertCatalog, insertReservationRow, roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getSurplus, nextQuarterOf } from "./surplus";

// A 100-accelerator Z9 block (2 H100e each, reserved at $2.50/AH) over 2027; 60 of them allocated to an external
// customer at $3.50/AH; a demand plan of 80 accelerators for that customer's workload from January to April. No
// utilization history, so the forecast of use is 0 and need = the plan.
// Per month of Jan–Mar: held 100, allocated 60, need 80 → surplus 100 − 60 − (80 − 60) = 20 (H100e: 200 − 160 = 40).
// January (744 h): 14,880 AH; at the spot list price $2 → $29,760; at the median on-demand list price
// median($4, $5) = $4.50 → $66,960. Next quarter (Jan–Mar, 2,160 h): 20 × 2,160 = 43,200 AH → $86,400 / $194,400.
// The customer in January: revenue 60 × 744 × $3.50 = $156,240; own cost 60 × 744 × $2.50 = $111,600; margin $44,640.
const AS_OF = new Date("2026-12-15T10:00:00Z");

describe("nextQuarterOf", () => {
  it("is the calendar quarter after asOf's", () => {
    expect(nextQuarterOf(AS_OF).from.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(nextQuarterOf(new Date("2027-01-01T00:00:00Z")).from.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(nextQuarterOf(new Date("2027-05-31T00:00:00Z")).to.toISOString()).toBe("2027-10-01T00:00:00.000Z");
  });
});

describeOnEachEngine("surplus and resale on a known fixture", (engine) => {
  let handle: DbHandle;
  let customerId = "";
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const [type] = await db
      .insert(acceleratorTypes)
      .values({ name: "Z9 test", vendor: "NVIDIA", family: "Z9", memoryGb: "80", bf16Tflops: "1000", systemW: 1400, h100Equivalent: "2" })
      .returning();
    const block = await insertReservationRow(db, catalog, {
      acceleratorTypeId: type!.id,
      quantity: 100,
      startAt: new Date("2027-01-01T00:00:00Z"),
      endAt: new Date("2028-01-01T00:00:00Z"),
      rate: "2.5",
      status: "planned",
    });
    const [team] = await db.insert(teams).values({ name: "Resale" }).returning();
    const [customer] = await db
      .insert(workloads)
      .values({ name: "Customer Z", kind: "external", teamId: team!.id, activeFrom: "2027-01-01", salePrice: "3.5", currency: "USD" })
      .returning();
    customerId = customer!.id;
    await db
      .insert(allocations)
      .values({ reservationId: block.id, workloadId: customerId, quantity: 60, startAt: new Date("2027-01-01T00:00:00Z") });
    await db.insert(demandPlans).values({
      name: "Customer Z growth",
      kind: "external",
      workloadId: customerId,
      acceleratorFamily: "Z9",
      acceleratorTypeId: type!.id,
      accelerators: 80,
      startDate: "2027-01-01",
      endDate: "2027-05-01",
    });
    const offer = {
      providerId: catalog.provider.id,
      siteId: catalog.site.id,
      acceleratorTypeId: type!.id,
      validFrom: "2026-01-01",
      source: "list" as const,
    };
    await db.insert(offers).values([
      { ...offer, pricingModel: "spot", rate: "2" },
      { ...offer, pricingModel: "on_demand", rate: "4" },
      { ...offer, pricingModel: "on_demand", rate: "5" },
      { ...offer, pricingModel: "on_demand", rate: "1", source: "quote" }, // a quote is not a list price
    ]);
  }, 120_000);
  afterAll(() => handle?.close());

  const load = () =>
    getSurplus(roleCtx(handle.db, "viewer"), { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2027-07-01T00:00:00Z"), asOf: AS_OF });

  it("gives held − allocated − need beyond the allocations per month, and its value at list prices", async () => {
    const view = await load();
    expect(view.months.map((m) => m.from.toISOString().slice(0, 7))).toEqual([
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
    ]);
    const z9 = view.families.find((f) => f.family === "Z9")!;
    expect(z9.prices.spot!.toString()).toBe("2");
    expect(z9.prices.onDemand!.toString()).toBe("4.5");
    const [dec, jan, , , , may] = z9.months;
    expect(dec!.held.toString()).toBe("0");
    expect(dec!.surplus.toString()).toBe("0");
    expect([jan!.held, jan!.allocated, jan!.need, jan!.surplus].map(String)).toEqual(["100", "60", "80", "20"]);
    expect([jan!.heldH100e, jan!.allocatedH100e, jan!.needH100e, jan!.surplusH100e].map(String)).toEqual(["200", "120", "160", "40"]);
    expect(jan!.surplusAh.toString()).toBe("14880");
    expect(jan!.valueSpot!.toString()).toBe("29760");
    expect(jan!.valueOnDemand!.toString()).toBe("66960");
    // After the plan ends, only the allocation is committed.
    expect(may!.surplus.toString()).toBe("40");
  });

  it("answers next quarter: 20 accelerators every month of Jan–Mar and their value", async () => {
    const view = await load();
    const q = view.families.find((f) => f.family === "Z9")!.nextQuarter;
    expect(q.accelerators).toBe(20);
    expect(q.h100e.toString()).toBe("40");
    expect(q.ah.toString()).toBe("43200");
    expect(q.valueSpot!.toString()).toBe("86400");
    expect(q.valueOnDemand!.toString()).toBe("194400");
    expect(view.nextQuarterTotal.valueSpot.gte(86400)).toBe(true);
  });

  it("gives the external customer's revenue, allocated cost and margin per month", async () => {
    const view = await load();
    const customer = view.external.find((w) => w.id === customerId)!;
    const jan = customer.months.find((m) => m.month.from.toISOString().startsWith("2027-01"))!;
    expect(jan.allocatedAh.toString()).toBe("44640");
    expect(jan.revenue!.toString()).toBe("156240");
    expect(jan.cost.toFixed(2)).toBe("111600.00");
    expect(jan.margin!.toFixed(2)).toBe("44640.00");
    const december = customer.months[0]!;
    expect(december.revenue!.toString()).toBe("0");
  });
});

describeOnEachEngine("surplus on the demo data", (engine) => {
  let handle: DbHandle;
  const asOf = new Date("2026-11-17T09:30:00Z");
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
  }, 480_000);
  afterAll(() => handle?.close());

  it("shows a surplus with a value next quarter and the external customer's revenue", async () => {
    const view = await getSurplus(roleCtx(handle.db, "viewer"), {
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2027-11-01T00:00:00Z"),
      asOf,
    });
    // The demo's TPU v6e and MI300X blocks are held well beyond their allocations and forecast need.
    const sellable = view.families.filter((f) => f.nextQuarter.accelerators > 0);
    expect(sellable.map((f) => f.family)).toEqual(expect.arrayContaining(["TPU v6e", "MI300X"]));
    const first = view.families[0]!; // sorted by next quarter's H100e
    expect(first.nextQuarter.accelerators).toBeGreaterThan(0);
    expect(first.nextQuarter.valueOnDemand!.gt(first.nextQuarter.valueSpot ?? 0)).toBe(true);
    expect(view.nextQuarterTotal.valueOnDemand.gt(0)).toBe(true);
    expect(view.external.length).toBeGreaterThan(0);
    expect(view.external[0]!.months.some((m) => m.revenue?.gt(0))).toBe(true);
  });
});
