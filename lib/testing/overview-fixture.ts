import type { Db } from "@/lib/db/client";
import {
  acceleratorTypes,
  contracts,
  demandPlans,
  powerBudgets,
  providers,
  reservations,
  scenarios,
  sites,
  utilizationDaily,
  utilizationMonthly,
} from "@/lib/db/schema";

// A small portfolio whose Overview numbers are worked out by hand in overview.int.test.ts (asOf 16 Mar 2026 12:00 UTC).
export const FIXTURE_AS_OF = new Date("2026-03-16T12:00:00Z");

const t = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

export async function insertOverviewFixture(db: Db): Promise<void> {
  const [own, azure] = await db
    .insert(providers)
    .values([
      { name: "Own", kind: "owned" },
      { name: "Azure", kind: "hyperscaler" },
    ])
    .returning();
  const type = (name: string, family: string, systemW: number, h100Equivalent: string) => ({
    name,
    vendor: family === "MI300X" ? "AMD" : "NVIDIA",
    family,
    memoryGb: "80",
    bf16Tflops: "989.5",
    systemW,
    h100Equivalent,
  });
  const [h100, b200, mi300x] = await db
    .insert(acceleratorTypes)
    .values([type("H100 SXM", "H100", 1000, "1"), type("B200", "B200", 2000, "2.5"), type("MI300X", "MI300X", 1500, "1.25")])
    .returning();
  const site = (name: string, providerId: string, pue: string) => ({ name, providerId, regionCode: "r1", country: "US", pue });
  const [alpha, beta, gamma] = await db
    .insert(sites)
    .values([site("Alpha", own!.id, "1.25"), site("Beta", azure!.id, "1.5"), site("Gamma", azure!.id, "1.2")])
    .returning();
  await db.insert(powerBudgets).values([
    { siteId: alpha!.id, effectiveFrom: "2026-01-01", effectiveTo: "2026-06-01", contractedMw: "2" },
    { siteId: alpha!.id, effectiveFrom: "2026-06-01", effectiveTo: null, contractedMw: "4" },
    { siteId: beta!.id, effectiveFrom: "2025-01-01", effectiveTo: null, contractedMw: "1" },
  ]);

  const contract = (name: string, status: (typeof contracts.$inferInsert)["status"], committedAmount: string, extra = {}) => ({
    providerId: azure!.id,
    name,
    startDate: "2026-01-01",
    endDate: "2028-01-01",
    committedAmount,
    paymentTerms: "monthly" as const,
    status,
    ...extra,
  });
  await db
    .insert(contracts)
    .values([
      contract("C1", "active", "1000000.50"),
      contract("C2", "pending", "250000.25"),
      contract("C3", "exhausted", "99.25"),
      contract("C4", "proposed", "5000000"),
      contract("C5", "expired", "7"),
      contract("C6", "cancelled", "9"),
      contract("C7", "active", "123", { currency: "EUR" }),
      contract("C8", "active", "1000000", { archivedAt: t("2026-02-01") }),
    ]);

  const block = (
    name: string,
    providerId: string,
    siteId: string,
    acceleratorTypeId: string,
    quantity: number,
    startAt: string,
    endAt: string,
    pricingModel: "reserved" | "on_demand" | "spot",
    rate: string,
    status: "planned" | "active" | "expired",
    extra = {},
  ) => ({
    name,
    providerId,
    siteId,
    acceleratorTypeId,
    quantity,
    startAt: t(startAt),
    endAt: t(endAt),
    pricingModel,
    rate,
    status,
    ...extra,
  });
  const [r1, , r3, r4, r5, r6] = await db
    .insert(reservations)
    .values([
      block("R1", own!.id, alpha!.id, h100!.id, 1000, "2025-07-01", "2026-07-01", "reserved", "2", "active"),
      block("R2", own!.id, alpha!.id, b200!.id, 400, "2026-05-01", "2027-05-01", "reserved", "4", "planned"),
      block("R3", azure!.id, beta!.id, h100!.id, 100, "2026-01-01", "2026-04-15", "on_demand", "3", "active"),
      block("R4", azure!.id, gamma!.id, b200!.id, 50, "2025-06-01", "2026-02-01", "reserved", "5", "expired"),
      block("R5", azure!.id, beta!.id, mi300x!.id, 200, "2026-02-20T12:00:00Z", "2026-05-10", "spot", "1.5", "active"),
      block("R6", own!.id, alpha!.id, h100!.id, 9999, "2025-01-01", "2027-01-01", "reserved", "1", "active", {
        archivedAt: t("2026-01-15"),
      }),
    ])
    .returning();

  await db.insert(utilizationDaily).values(
    (
      [
        [r5, "2026-02-20", "600"],
        [r1, "2026-03-01", "18000"],
        [r3, "2026-03-01", "2400"],
        [r5, "2026-03-10", "2400"],
        [r1, "2026-03-15", "12000"],
        [r3, "2026-03-15", "1200"],
        [r1, "2026-02-13", "20000"],
        [r3, "2026-03-16", "999"],
        [r6, "2026-03-01", "5000"],
      ] as const
    ).map(([r, day, usedAh]) => ({ reservationId: r!.id, day, usedAh, hoursReported: 24 })),
  );
  await db.insert(utilizationMonthly).values(
    (
      [
        [r1, "2025-11-01", "700000"],
        [r1, "2025-12-01", "700000"],
        [r1, "2026-01-01", "700000"],
        [r1, "2026-02-01", "670000"],
        [r3, "2026-01-01", "50000"],
        [r3, "2026-02-01", "40000"],
        [r3, "2026-03-01", "77777"],
        [r5, "2026-02-01", "34560"],
        [r4, "2025-12-01", "17280"],
        [r4, "2026-01-01", "8640"],
        [r6, "2026-01-01", "1"],
      ] as const
    ).map(([r, month, usedAh]) => ({ reservationId: r!.id, month, usedAh, hoursReported: 24 })),
  );

  const [aggressive] = await db.insert(scenarios).values({ name: "Aggressive" }).returning();
  const plan = (name: string, acceleratorFamily: string, startDate: string, endDate: string, extra = {}) => ({
    name,
    kind: "training" as const,
    acceleratorFamily,
    startDate,
    endDate,
    ...extra,
  });
  await db
    .insert(demandPlans)
    .values([
      plan("D1 frontier run", "B200", "2026-07-01", "2026-10-01", { h100Equivalents: "1500" }),
      plan("D2 inference growth", "H100", "2026-06-01", "2027-06-01", { accelerators: 500, acceleratorTypeId: h100!.id }),
      plan("D3 running already", "H100", "2026-01-01", "2026-12-01", { accelerators: 800 }),
      plan("D4 scenario only", "H100", "2026-04-01", "2026-12-01", { accelerators: 5000, scenarioId: aggressive!.id }),
      plan("D5 archived", "H100", "2026-04-01", "2026-12-01", { accelerators: 5000, archivedAt: t("2026-03-01") }),
      plan("D6 mi300x trial", "MI300X", "2026-04-01", "2026-05-01", { accelerators: 100 }),
    ]);
}
