import { sql } from "drizzle-orm";
import { z } from "zod";
import type { CsvValue } from "@/lib/csv/write";
import { queryRows } from "@/lib/db/rows";
import { ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/services/context";

type Kind = "text" | "number" | "time";

// FOCUS 1.3 cost and usage columns Headroom keeps, in FOCUS's names, with the cost_line_items column each reads.
const COLUMNS: [string, string, Kind][] = [
  ["BilledCost", "billed_cost", "number"], ["EffectiveCost", "effective_cost", "number"], ["ListCost", "list_cost", "number"],
  ["ContractedCost", "contracted_cost", "number"], ["BillingCurrency", "billing_currency", "text"],
  ["BillingAccountId", "billing_account_id", "text"], ["BillingAccountName", "billing_account_name", "text"],
  ["BillingPeriodStart", "billing_period_start", "time"], ["BillingPeriodEnd", "billing_period_end", "time"],
  ["ChargePeriodStart", "charge_period_start", "time"], ["ChargePeriodEnd", "charge_period_end", "time"],
  ["ChargeCategory", "charge_category", "text"], ["ChargeClass", "charge_class", "text"], ["ChargeDescription", "charge_description", "text"],
  ["ChargeFrequency", "charge_frequency", "text"], ["PricingCategory", "pricing_category", "text"], ["PricingQuantity", "pricing_quantity", "number"],
  ["PricingUnit", "pricing_unit", "text"], ["ConsumedQuantity", "consumed_quantity", "number"], ["ConsumedUnit", "consumed_unit", "text"],
  ["ProviderName", "provider_name", "text"], ["PublisherName", "publisher_name", "text"], ["InvoiceIssuerName", "invoice_issuer_name", "text"],
  ["RegionId", "region_id", "text"], ["RegionName", "region_name", "text"], ["AvailabilityZone", "availability_zone", "text"],
  ["ServiceCategory", "service_category", "text"], ["ServiceName", "service_name", "text"], ["SkuId", "sku_id", "text"], ["SkuPriceId", "sku_price_id", "text"],
  ["ResourceId", "resource_id", "text"], ["ResourceName", "resource_name", "text"], ["ResourceType", "resource_type", "text"],
  ["SubAccountId", "sub_account_id", "text"], ["SubAccountName", "sub_account_name", "text"],
  ["CommitmentDiscountId", "commitment_discount_id", "text"], ["CommitmentDiscountName", "commitment_discount_name", "text"],
  ["CommitmentDiscountCategory", "commitment_discount_category", "text"], ["CommitmentDiscountType", "commitment_discount_type", "text"],
  ["CommitmentDiscountStatus", "commitment_discount_status", "text"], ["CommitmentDiscountQuantity", "commitment_discount_quantity", "number"],
  ["CommitmentDiscountUnit", "commitment_discount_unit", "text"], ["CapacityReservationId", "capacity_reservation_id", "text"],
  ["CapacityReservationStatus", "capacity_reservation_status", "text"],
];

export const FOCUS_COST_HEADER = COLUMNS.map(([name]) => name);

const expr = ([, column, kind]: [string, string, Kind]) =>
  kind === "number" ? `c.${column}::text` : kind === "time" ? `to_char(c.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')` : `c.${column}`;

/** The select list, one aliased column per FOCUS column (c0 … cN), shared with the COPY baseline of bench:export. */
export const FOCUS_COST_SELECT = COLUMNS.map((c, i) => `${expr(c)} as c${i}`).join(", ");
/** Rows of succeeded imports only, as every cost view reads them. */
export const FOCUS_COST_FROM = "cost_line_items c join imports i on i.id = c.import_id and i.status = 'succeeded'";

export type FocusCostFilter = { from: string | null; to: string | null };

const Day = z.iso.date("Use a date as YYYY-MM-DD.").nullable();

/** `?from=&to=` (charge period start, UTC days, half-open). */
export function parseFocusCostFilter(params: URLSearchParams): FocusCostFilter {
  const parsed = z.object({ from: Day, to: Day }).safeParse({ from: params.get("from") || null, to: params.get("to") || null });
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid dates.");
  if (parsed.data.from && parsed.data.to && parsed.data.to <= parsed.data.from) throw new ValidationError("The end date must be after the start date.");
  return parsed.data;
}

type Raw = Record<string, string | null> & { id: string };

/**
 * The FOCUS-shaped cost export: cost_line_items of succeeded imports as FOCUS columns, read by keyset on id
 * (the primary key's leading column), never OFFSET, so each page costs the same however deep the export is.
 */
export async function* focusCostRows(ctx: Ctx, filter: FocusCostFilter, pageSize = 2_000): AsyncGenerator<CsvValue[]> {
  requirePermission(ctx, "app.read");
  const range = sql.join(
    [
      filter.from ? sql` and c.charge_period_start >= (${filter.from}::date::timestamp at time zone 'UTC')` : sql``,
      filter.to ? sql` and c.charge_period_start < (${filter.to}::date::timestamp at time zone 'UTC')` : sql``,
    ],
    sql``,
  );
  let after = "0";
  for (;;) {
    const page = await queryRows<Raw>(
      ctx.db,
      sql`select c.id::text as id, ${sql.raw(FOCUS_COST_SELECT)} from ${sql.raw(FOCUS_COST_FROM)}
          where c.id > ${after}::bigint${range} order by c.id limit ${pageSize}`,
    );
    for (const r of page) yield COLUMNS.map(([, , kind], i) => cell(kind, r[`c${i}`] ?? null));
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

function cell(kind: Kind, value: string | null): CsvValue {
  if (value === null) return null;
  return kind === "number" ? { number: value } : value;
}
