import { z } from "zod";
import { neutralizeSql } from "@/lib/csv/write";
import { copyCsv } from "@/lib/db/copy-out";
import { ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";

type Kind = "text" | "number" | "time";

// FOCUS 1.3 cost and usage columns Headroom keeps, in FOCUS's names, with the cost_line_items column each reads.
const COLUMNS: [string, string, Kind][] = [
  ["BilledCost", "billed_cost", "number"],
  ["EffectiveCost", "effective_cost", "number"],
  ["ListCost", "list_cost", "number"],
  ["ContractedCost", "contracted_cost", "number"],
  ["BillingCurrency", "billing_currency", "text"],
  ["BillingAccountId", "billing_account_id", "text"],
  ["BillingAccountName", "billing_account_name", "text"],
  ["BillingPeriodStart", "billing_period_start", "time"],
  ["BillingPeriodEnd", "billing_period_end", "time"],
  ["ChargePeriodStart", "charge_period_start", "time"],
  ["ChargePeriodEnd", "charge_period_end", "time"],
  ["ChargeCategory", "charge_category", "text"],
  ["ChargeClass", "charge_class", "text"],
  ["ChargeDescription", "charge_description", "text"],
  ["ChargeFrequency", "charge_frequency", "text"],
  ["PricingCategory", "pricing_category", "text"],
  ["PricingQuantity", "pricing_quantity", "number"],
  ["PricingUnit", "pricing_unit", "text"],
  ["ConsumedQuantity", "consumed_quantity", "number"],
  ["ConsumedUnit", "consumed_unit", "text"],
  ["ProviderName", "provider_name", "text"],
  ["PublisherName", "publisher_name", "text"],
  ["InvoiceIssuerName", "invoice_issuer_name", "text"],
  ["RegionId", "region_id", "text"],
  ["RegionName", "region_name", "text"],
  ["AvailabilityZone", "availability_zone", "text"],
  ["ServiceCategory", "service_category", "text"],
  ["ServiceName", "service_name", "text"],
  ["SkuId", "sku_id", "text"],
  ["SkuPriceId", "sku_price_id", "text"],
  ["ResourceId", "resource_id", "text"],
  ["ResourceName", "resource_name", "text"],
  ["ResourceType", "resource_type", "text"],
  ["SubAccountId", "sub_account_id", "text"],
  ["SubAccountName", "sub_account_name", "text"],
  ["CommitmentDiscountId", "commitment_discount_id", "text"],
  ["CommitmentDiscountName", "commitment_discount_name", "text"],
  ["CommitmentDiscountCategory", "commitment_discount_category", "text"],
  ["CommitmentDiscountType", "commitment_discount_type", "text"],
  ["CommitmentDiscountStatus", "commitment_discount_status", "text"],
  ["CommitmentDiscountQuantity", "commitment_discount_quantity", "number"],
  ["CommitmentDiscountUnit", "commitment_discount_unit", "text"],
  ["CapacityReservationId", "capacity_reservation_id", "text"],
  ["CapacityReservationStatus", "capacity_reservation_status", "text"],
];

const expr = ([, column, kind]: [string, string, Kind]) =>
  kind === "number"
    ? `c.${column}::text`
    : kind === "time"
      ? `to_char(c.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
      : `c.${column}`;

/** The select list, one column per FOCUS column named as FOCUS names it: the COPY baseline of bench:export (no neutralization). */
export const FOCUS_COST_SELECT = COLUMNS.map((c) => `${expr(c)} as "${c[0]}"`).join(", ");
/** What the export writes: the same columns, text neutralized against formula injection (the CSV writer's rule, in SQL). */
const FOCUS_COST_EXPORT_SELECT = COLUMNS.map((c) => `${c[2] === "text" ? neutralizeSql(expr(c)) : expr(c)} as "${c[0]}"`).join(", ");
/** Rows of succeeded imports only, as every cost view reads them. */
export const FOCUS_COST_FROM = "cost_line_items c join imports i on i.id = c.import_id and i.status = 'succeeded'";

export type FocusCostFilter = { from: string | null; to: string | null };

const Day = z.iso.date("Use a date as YYYY-MM-DD.").nullable();

/** `?from=&to=` (charge period start, UTC days, half-open). */
export function parseFocusCostFilter(params: URLSearchParams): FocusCostFilter {
  const parsed = z.object({ from: Day, to: Day }).safeParse({ from: params.get("from") || null, to: params.get("to") || null });
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid dates.");
  if (parsed.data.from && parsed.data.to && parsed.data.to <= parsed.data.from)
    throw new ValidationError("The end date must be after the start date.");
  return parsed.data;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayBound(day: string): string {
  if (!DAY.test(day)) throw new ValidationError("Use a date as YYYY-MM-DD.");
  return `('${day}'::date::timestamp at time zone 'UTC')`;
}

/**
 * The FOCUS-shaped cost export as CSV bytes: cost_line_items of succeeded imports as FOCUS columns, in id
 * order, written by the database's own CSV writer (COPY) and streamed; the caller's permission is checked
 * before anything is read.
 */
export function focusCostCsv(ctx: Ctx, filter: FocusCostFilter): AsyncGenerator<Uint8Array> {
  requirePermission(ctx, "app.read");
  const where: string[] = [];
  if (filter.from) where.push(`c.charge_period_start >= ${dayBound(filter.from)}`);
  if (filter.to) where.push(`c.charge_period_start < ${dayBound(filter.to)}`);
  return copyCsv(ctx.db, {
    columns: FOCUS_COST_EXPORT_SELECT,
    from: FOCUS_COST_FROM,
    where,
    key: "(c.import_id * 4294967296 + c.line_number)",
  });
}
