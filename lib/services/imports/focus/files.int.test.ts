import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importFile, independentTotals, lineItemCount, requireFocusData, toCents } from "@/lib/testing/focus-import";

const dir = requireFocusData();

const NO_CURRENCY_OR_PROVIDER = [/mandatory column BillingCurrency is missing/, /mandatory column ProviderName .* is missing/];
const HOUR_30 = /impossible hour 30/;
const SLASH_DATE = /5\/1\/25.*could be 1 May or 5 January|could be/;

// Every cost file of the shared data: imported (totals checked against an independent sum) or rejected for a stated reason.
const EXPECTED: Record<string, "import" | RegExp[]> = {
  "FOCUS-1.0/focus_sample.csv": "import",
  "synthetic-1.3/focus_sample_costandusage_aws_1000.csv": "import",
  "synthetic-1.3/focus_sample_contractcommitment_aws.csv": [/Contract Commitment file/],
  "spec-examples/commitment_discount_purchase_scenario_1.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/commitment_discount_purchase_scenario_2.csv": [...NO_CURRENCY_OR_PROVIDER, HOUR_30],
  "spec-examples/commitment_discount_purchase_scenario_3.csv": [...NO_CURRENCY_OR_PROVIDER, HOUR_30],
  "spec-examples/commitment_discount_usage_scenario_1.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/commitment_discount_usage_scenario_2.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/commitment_discount_usage_scenario_3.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/commitment_discount_usage_scenario_4.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/one_hundred_percent_utilization_without_commitment_discount_flexibility.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/zero_percent_utilization_without_commitment_discount_flexibility.csv": NO_CURRENCY_OR_PROVIDER,
  "spec-examples/saas_spend_agreements_a1.csv": [SLASH_DATE],
  "spec-examples/saas_spend_agreements_a2.csv": [SLASH_DATE],
  "spec-examples/saas_spend_agreements_b1.csv": [SLASH_DATE],
  "spec-examples/saas_spend_agreements_b2.csv": [SLASH_DATE],
  "spec-examples/simple_saas_agreements_a1.csv": [SLASH_DATE],
  "spec-examples/simple_saas_agreements_a2.csv": [SLASH_DATE],
  "spec-examples/simple_saas_agreements_a3.csv": [SLASH_DATE],
  "spec-examples/simple_saas_agreements_b.csv": [SLASH_DATE],
  "spec-examples/simple_saas_agreements_c.csv": [SLASH_DATE, /"\$10,100\.00 " is not a number/],
  "spec-examples/virtual_currency_pricing_model_a1.csv": [SLASH_DATE],
  "spec-examples/virtual_currency_pricing_model_a2.csv": [SLASH_DATE],
  "spec-examples/virtual_currency_pricing_model_b1.csv": [SLASH_DATE],
  "spec-examples/virtual_currency_pricing_model_b2.csv": [SLASH_DATE],
  "spec-examples/virtual_currency_pricing_model_b3.csv": [SLASH_DATE],
  "spec-examples/virtual_currency_pricing_model_c.csv": [SLASH_DATE],
};

const files = ["FOCUS-1.0", "spec-examples", "synthetic-1.3"].flatMap((sub) =>
  readdirSync(path.join(dir, sub))
    .filter((f) => f.endsWith(".csv") || f.endsWith(".csv.gz"))
    .map((f) => `${sub}/${f}`),
);

it("has a decision for every FOCUS file of the shared data", () => {
  expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
});

describeOnEachEngine("FOCUS files of the shared data", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    if (expected === "import") {
      it(`imports ${file} with totals equal to the cent to an independent sum of the file`, async () => {
        const full = path.join(dir, file);
        const result = await importFile(handle.db, full);
        expect(result.errors).toEqual([]);
        expect(result.status).toBe("succeeded");
        const expectedTotals = independentTotals(full);
        expect(result.rows).toBe(expectedTotals.rows);
        expect(await lineItemCount(handle.db, result.importId!)).toBe(expectedTotals.rows);
        const total = result.summary!.total;
        expect(total.rows).toBe(expectedTotals.rows);
        expect(toCents(total.billedCost)).toBe(toCents(expectedTotals.billedCost));
        expect(toCents(total.effectiveCost)).toBe(toCents(expectedTotals.effectiveCost));
        // numeric(24,10) keeps ten decimals: at most half a unit of the tenth decimal per row away from the file.
        expect(
          expectedTotals.billedCost
            .minus(total.billedCost)
            .abs()
            .lte(expectedTotals.rows * 5e-11),
        ).toBe(true);
        expect(
          expectedTotals.effectiveCost
            .minus(total.effectiveCost)
            .abs()
            .lte(expectedTotals.rows * 5e-11),
        ).toBe(true);
      });
    } else {
      it(`rejects ${file} and says why`, async () => {
        const before = await lineItemCount(handle.db);
        const result = await importFile(handle.db, path.join(dir, file));
        expect(result.status).toBe("failed");
        const text = result.errors.map((e) => `${e.line} ${e.column ?? ""} ${e.message}`).join("\n");
        for (const pattern of expected) expect(text).toMatch(pattern);
        expect(await lineItemCount(handle.db)).toBe(before);
      });
    }
  }
});
