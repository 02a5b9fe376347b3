import type { Executor } from "@/lib/db/client";
import { loadChargeMatcher, type ChargeMatcher, type ChargeTies } from "../charge-matcher";
import { STAGING_COLUMNS } from "./columns";
import type { MappedRow } from "./rows";

export type { ChargeTies } from "../charge-matcher";

/** What the loader asks of the matching rules: one row's ties. */
export type ChargeTier = { tie(row: MappedRow): ChargeTies };

const at = (column: string): number => {
  const i = STAGING_COLUMNS.indexOf(column);
  if (i < 0) throw new Error(`No staging column ${column}`);
  return i;
};
const PROVIDER = at("provider_name");
const TAGS = at("tags");
const CURRENCY = at("billing_currency");
const CDI = at("commitment_discount_id");
const CRI = at("capacity_reservation_id");
const SKU = at("sku_id");
const REGION = at("region_id");
const SERVICE = at("service_name");
const SUB_ACCOUNT = at("sub_account_id");
const RESOURCE = at("resource_id");

/**
 * The matching rules (lib/ingest/charge-matcher.ts) over the registers as they stand in the load's
 * transaction, for FocusRowMapper rows: each row is tied in Node as it is read, before its COPY.
 */
export async function loadChargeTier(db: Executor): Promise<ChargeTier> {
  return chargeTier(await loadChargeMatcher(db));
}

/** The tier over a matcher already loaded. */
export function chargeTier(matcher: ChargeMatcher): ChargeTier {
  return {
    tie: ({ out, extra, startMs }) =>
      matcher.match({
        providerName: out[PROVIDER] ?? null,
        tags: out[TAGS] ?? null,
        extra,
        billingCurrency: out[CURRENCY]!,
        chargePeriodStartMs: startMs,
        commitmentDiscountId: out[CDI] ?? null,
        capacityReservationId: out[CRI] ?? null,
        skuId: out[SKU] ?? null,
        regionId: out[REGION] ?? null,
        serviceName: out[SERVICE] ?? null,
        subAccountId: out[SUB_ACCOUNT] ?? null,
        resourceId: out[RESOURCE] ?? null,
      }),
  };
}
