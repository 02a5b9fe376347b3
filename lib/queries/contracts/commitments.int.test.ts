import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { matchCharges } from "@/lib/ingest/matching";
import { insertCharges, insertImport, type ChargeValues } from "@/lib/testing/charges";
import { Dec } from "@/lib/metrics/decimal";
import { insertCatalog, insertContractRow, roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getCommitmentMetrics } from "./commitments";
import { getContractBurndown } from "./burndown";

// The FOCUS test data lives beside the repository (../shared/data/focus).
const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../../shared/data/focus/spec-examples");

const FIELDS: Record<string, keyof ChargeValues> = {
  billingperiodstart: "billingPeriodStart",
  billingperiodend: "billingPeriodEnd",
  chargeperiodstart: "chargePeriodStart",
  chargeperiodend: "chargePeriodEnd",
  chargecategory: "chargeCategory",
  chargefrequency: "chargeFrequency",
  pricingcategory: "pricingCategory",
  resourceid: "resourceId",
  pricingquantity: "pricingQuantity",
  listcost: "listCost",
  billedcost: "billedCost",
  effectivecost: "effectiveCost",
  consumedquantity: "consumedQuantity",
  consumedunit: "consumedUnit",
  skuid: "skuId",
  skupriceid: "skuPriceId",
  commitmentdiscountid: "commitmentDiscountId",
  commitmentdiscountcategory: "commitmentDiscountCategory",
  commitmentdiscountquantity: "commitmentDiscountQuantity",
  commitmentdiscountstatus: "commitmentDiscountStatus",
  commitmentdiscountunit: "commitmentDiscountUnit",
};
const DATES = new Set(["billingPeriodStart", "billingPeriodEnd", "chargePeriodStart", "chargePeriodEnd"]);

// Test-only reader for these small spec files: no quoted fields, CRLF, blank lines between rows, `null` = null.
function specRows(file: string): ChargeValues[] {
  const lines = readFileSync(path.join(dir, file), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = lines[0]!.split(",").map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const row: Record<string, unknown> = {};
    const extra: Record<string, string | null> = {};
    line.split(",").forEach((cell, i) => {
      const value = cell === "null" || cell === "" ? null : cell;
      const field = FIELDS[header[i]!.toLowerCase()];
      if (!field) extra[header[i]!] = value;
      else row[field] = value !== null && DATES.has(field) ? new Date(value) : value;
    });
    return { ...row, extra };
  });
}

describeOnEachEngine("commitment metrics from the FOCUS spec examples", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  async function metricsOf(file: string) {
    const importId = await insertImport(handle.db);
    await insertCharges(handle.db, importId, specRows(file));
    const [m] = await getCommitmentMetrics(roleCtx(handle.db, "viewer"), { importId });
    return m!;
  }

  it("gives 100 % utilization and 100 % coverage without commitment flexibility", async () => {
    const m = await metricsOf("one_hundred_percent_utilization_without_commitment_discount_flexibility.csv");
    // Used 1.50 ÷ (1.50 + 0) = 1; the only usage is the committed 1.50.
    expect(m.utilization.rate!.toString()).toBe("1");
    expect(m.coverage.rate!.toString()).toBe("1");
    // List 3.00, no ContractedCost (= list), effective 1.50: commitment savings 1.50, rate 0.5.
    expect([m.savings.negotiated, m.savings.commitment, m.savings.effectiveSavingsRate].map(String)).toEqual(["0", "1.5", "0.5"]);
    expect(m.commitments).toHaveLength(1);
    expect(m.commitments[0]).toMatchObject({ commitmentDiscountId: "<my-commitment-discount-id>" });
    expect(m.commitments[0]!.utilization!.toString()).toBe("1");
  });

  it("gives 100 % utilization with flexibility over one resource, covering 0.50 of 2.75 of its usage", async () => {
    const m = await metricsOf("one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv");
    expect(m.utilization.rate!.toString()).toBe("1");
    // The commitment (1 normalized hour) covers a quarter of the large VM's hour: committed 0.50,
    // the rest runs on demand at 2.25; coverage = 0.50 ÷ (0.50 + 2.25) = 2/11.
    expect(m.coverage.rate!.equals(new Dec(2).div(11))).toBe(true);
  });

  it("gives 100 % utilization and coverage with flexibility over two resources", async () => {
    const m = await metricsOf("one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv");
    // Used 1.00 + 1.00 of a 2.00 commitment.
    expect(m.utilization.rate!.toString()).toBe("1");
    expect(m.utilization.used.toString()).toBe("2");
    expect(m.coverage.rate!.toString()).toBe("1");
  });

  it("gives 0 % utilization and 0 % coverage when the commitment goes unused", async () => {
    const m = await metricsOf("zero_percent_utilization_without_commitment_discount_flexibility.csv");
    // Used 0 ÷ (0 + 1.50 unused) = 0; eligible usage is the on-demand medium VM (2.00), none committed.
    expect(m.utilization.rate!.toString()).toBe("0");
    expect(m.utilization.unused.toString()).toBe("1.5");
    expect(m.coverage.rate!.toString()).toBe("0");
    // The unused 1.50 is pure cost: list 2.00, effective 3.50 → commitment savings −1.50, rate −0.75.
    expect([m.savings.commitment, m.savings.effectiveSavingsRate].map(String)).toEqual(["-1.5", "-0.75"]);
  });

  it("ties the example's charges to the contract of that commitment and the burn-down shows them as actuals", async () => {
    const db = handle.db;
    const catalog = await insertCatalog(db);
    const contract = await insertContractRow(db, catalog, {
      reference: "<my-commitment-discount-id>",
      startDate: "2023-01-01",
      endDate: "2024-01-01",
      committedAmount: "12",
    });
    const importId = await insertImport(db, "running");
    await insertCharges(db, importId, specRows("one_hundred_percent_utilization_without_commitment_discount_flexibility.csv"));
    const matched = await matchCharges(db, importId);
    expect(matched.matchedContract).toBe(2);
    const ctx = roleCtx(db, "viewer");
    expect(await getCommitmentMetrics(ctx, { contractId: contract.id })).toEqual([]);
    await db.update(imports).set({ status: "succeeded" }).where(eq(imports.id, importId));
    const [m] = await getCommitmentMetrics(ctx, { contractId: contract.id });
    expect(m!.utilization.rate!.toString()).toBe("1");
    const burndown = await getContractBurndown(ctx, contract.id, new Date("2023-02-01T00:00:00Z"));
    expect(burndown.months[0]).toMatchObject({ source: "actual" });
    // Purchase row 0.00 + amortized usage 1.50.
    expect(burndown.months[0]!.amount.toString()).toBe("1.5");
  });
});
