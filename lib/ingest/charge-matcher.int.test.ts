import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle, Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { importFile, requireFocusData } from "@/lib/testing/focus-import";
import { insertMatchingCases, insertMatchingRegisters, MATCHING_CASES } from "@/lib/testing/matching-world";
import { loadChargeMatcher, type ChargeKeys, type ChargeTies } from "./charge-matcher";
import { rematchCharges } from "./matching";

const dir = requireFocusData();
const FILES = ["FOCUS-1.0/focus_sample.csv", "synthetic-1.3/focus_sample_costandusage_aws_1000.csv"];

type Row = {
  id: string;
  import_id: string;
  provider_id: string | null;
  reservation_id: string | null;
  contract_id: string | null;
  accelerator_type_id: string | null;
  workload_id: string | null;
  provider_name: string | null;
  tags: string | null;
  extra: string | null;
  billing_currency: string;
  start_ms: number | string;
  commitment_discount_id: string | null;
  capacity_reservation_id: string | null;
  sku_id: string | null;
  region_id: string | null;
  service_name: string | null;
  sub_account_id: string | null;
  resource_id: string | null;
};

async function chargeRows(db: Executor): Promise<Row[]> {
  return queryRows<Row>(
    db,
    sql`select (import_id || ':' || line_number) as id, import_id::text as import_id, provider_id::text as provider_id, reservation_id::text as reservation_id,
          contract_id::text as contract_id, accelerator_type_id::text as accelerator_type_id,
          workload_id::text as workload_id, provider_name, tags::text as tags,
          extra::text as extra, billing_currency, floor(extract(epoch from charge_period_start) * 1000)::float8 as start_ms,
          commitment_discount_id, capacity_reservation_id, sku_id, region_id, service_name, sub_account_id, resource_id
        from cost_line_items order by import_id, line_number`,
  );
}

function keysOf(r: Row): ChargeKeys {
  return {
    providerName: r.provider_name,
    tags: r.tags,
    extra: r.extra === null ? null : (JSON.parse(r.extra) as Record<string, unknown>),
    billingCurrency: r.billing_currency,
    chargePeriodStartMs: Number(r.start_ms),
    commitmentDiscountId: r.commitment_discount_id,
    capacityReservationId: r.capacity_reservation_id,
    skuId: r.sku_id,
    regionId: r.region_id,
    serviceName: r.service_name,
    subAccountId: r.sub_account_id,
    resourceId: r.resource_id,
  };
}

const tiesOf = (r: Row): ChargeTies => ({
  providerId: r.provider_id,
  reservationId: r.reservation_id,
  contractId: r.contract_id,
  acceleratorTypeId: r.accelerator_type_id,
  workloadId: r.workload_id,
});

describeOnEachEngine("Node charge matcher against withChargeTies", (engine) => {
  let handle: DbHandle;
  let rows: Row[];
  let demoImports: Set<string>;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    const db = handle.db;
    demoImports = new Set((await queryRows<{ id: string }>(db, sql`select id::text as id from imports`)).map((r) => r.id));
    for (const file of FILES) {
      const result = await importFile(db, path.join(dir, file));
      expect(result.status).toBe("succeeded");
    }
    await insertMatchingRegisters(db);
    await insertMatchingCases(db);
    await rematchCharges(db);
    rows = await chargeRows(db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("ties every charge (demo bills, shared FOCUS samples, hand-made cases) as the SQL rules did", async () => {
    const matcher = await loadChargeMatcher(handle.db);
    const wrong = rows
      .map((r) => ({ id: r.id, keys: keysOf(r), sql: tiesOf(r), node: matcher.match(keysOf(r)) }))
      .filter((c) => JSON.stringify(c.sql) !== JSON.stringify(c.node));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(rows.length).toBeGreaterThan(1000 + 16 + MATCHING_CASES.length);
  });

  it("covers every tie with both matched and unmatched charges", () => {
    for (const tie of ["provider_id", "reservation_id", "contract_id", "accelerator_type_id", "workload_id"] as const) {
      const tied = rows.filter((r) => r[tie] !== null).length;
      expect(tied, tie).toBeGreaterThan(10);
      expect(rows.length - tied, tie).toBeGreaterThan(3);
    }
  });

  it("matches the demo's charges at a measured rate", async () => {
    const matcher = await loadChargeMatcher(handle.db);
    const keys = rows.filter((r) => demoImports.has(r.import_id)).map(keysOf);
    for (const k of keys) matcher.match(k);
    let tied = 0;
    const rounds = 20;
    const started = performance.now();
    for (let round = 0; round < rounds; round++) for (const k of keys) if (matcher.match(k).contractId !== null) tied++;
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `[${engine}] charge matcher: ${keys.length} demo rows × ${rounds} in ${seconds.toFixed(3)} s = ${Math.round((keys.length * rounds) / seconds)} rows/s`,
    );
    expect(tied).toBeGreaterThan(0);
  });
});
