import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";

// The registers the charge matching rules consult (lib/ingest/charge-matcher.ts), read once, in the orders their tie-breaks need.

export type ChargeRegisters = {
  providers: { id: string; name: string; live: boolean }[];
  /** Ordered by start_date desc, id. */
  contracts: {
    id: string;
    providerId: string;
    reference: string | null;
    currency: string;
    startMs: number;
    endMs: number;
    live: boolean;
  }[];
  /** Ordered by id. */
  reservations: {
    id: string;
    providerId: string;
    name: string;
    capacityReservationId: string | null;
    contractId: string | null;
    acceleratorTypeId: string;
    live: boolean;
  }[];
  /** Ordered by id. */
  skuMappings: { providerId: string; skuId: string; regionId: string | null; acceleratorTypeId: string; live: boolean }[];
  /** Most specific first, then created_at, id. */
  contractMappings: {
    providerId: string;
    serviceName: string | null;
    skuId: string | null;
    regionId: string | null;
    tagKey: string | null;
    tagValue: string | null;
    subAccountId: string | null;
    contractId: string;
    live: boolean;
  }[];
  /** Live allocation rules only, by position, id (the first match wins). */
  allocationRules: {
    providerId: string | null;
    serviceName: string | null;
    skuId: string | null;
    regionId: string | null;
    subAccountId: string | null;
    tagKey: string | null;
    tagValue: string | null;
    resourceIdPrefix: string | null;
    workloadId: string;
  }[];
};

export async function loadChargeRegisters(db: Executor): Promise<ChargeRegisters> {
  const epochMs = (col: string) => sql.raw(`(extract(epoch from (${col}::timestamp at time zone 'UTC')) * 1000)::float8`);
  const [providers, contracts, reservations, skuMappings, contractMappings, allocationRules] = await Promise.all([
    queryRows<ChargeRegisters["providers"][number]>(db, sql`select id::text as id, name, archived_at is null as live from providers`),
    queryRows<ChargeRegisters["contracts"][number]>(
      db,
      sql`select id::text as id, provider_id::text as "providerId", reference, currency, ${epochMs("start_date")} as "startMs",
            ${epochMs("end_date")} as "endMs", archived_at is null as live from contracts order by start_date desc, id`,
    ),
    queryRows<ChargeRegisters["reservations"][number]>(
      db,
      sql`select id::text as id, provider_id::text as "providerId", name, capacity_reservation_id as "capacityReservationId",
            contract_id::text as "contractId", accelerator_type_id::text as "acceleratorTypeId", archived_at is null as live
          from reservations order by id`,
    ),
    queryRows<ChargeRegisters["skuMappings"][number]>(
      db,
      sql`select provider_id::text as "providerId", sku_id as "skuId", region_id as "regionId", accelerator_type_id::text as "acceleratorTypeId",
            archived_at is null as live from sku_mappings order by id`,
    ),
    queryRows<ChargeRegisters["contractMappings"][number]>(
      db,
      sql`select provider_id::text as "providerId", service_name as "serviceName", sku_id as "skuId", region_id as "regionId",
            tag_key as "tagKey", tag_value as "tagValue", sub_account_id as "subAccountId", contract_id::text as "contractId",
            archived_at is null as live from contract_mappings
          order by (service_name is not null)::int + (sku_id is not null)::int + (region_id is not null)::int
            + (tag_key is not null)::int + (sub_account_id is not null)::int desc, created_at, id`,
    ),
    queryRows<ChargeRegisters["allocationRules"][number]>(
      db,
      sql`select provider_id::text as "providerId", service_name as "serviceName", sku_id as "skuId", region_id as "regionId",
            sub_account_id as "subAccountId", tag_key as "tagKey", tag_value as "tagValue", resource_id_prefix as "resourceIdPrefix",
            workload_id::text as "workloadId"
          from allocation_rules where archived_at is null order by position, id`,
    ),
  ]);
  const numbers = contracts.map((c) => ({ ...c, startMs: Number(c.startMs), endMs: Number(c.endMs) }));
  return { providers, contracts: numbers, reservations, skuMappings, contractMappings, allocationRules };
}
