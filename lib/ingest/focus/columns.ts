// FOCUS column → cost_line_items column. Headers are matched case-insensitively, so drift such as
// `SkuPriceid` lands on sku_price_id; anything not listed here (including x_ columns) goes to `extra`.

export type ColumnKind = "text" | "decimal" | "timestamp" | "currency" | "tags";

export type TargetColumn = { focus: string; db: string; kind: ColumnKind; required?: boolean };

export const TARGET_COLUMNS: readonly TargetColumn[] = [
  { focus: "BillingAccountId", db: "billing_account_id", kind: "text" },
  { focus: "BillingAccountName", db: "billing_account_name", kind: "text" },
  { focus: "BillingCurrency", db: "billing_currency", kind: "currency", required: true },
  { focus: "BillingPeriodStart", db: "billing_period_start", kind: "timestamp" },
  { focus: "BillingPeriodEnd", db: "billing_period_end", kind: "timestamp" },
  { focus: "ChargePeriodStart", db: "charge_period_start", kind: "timestamp", required: true },
  { focus: "ChargePeriodEnd", db: "charge_period_end", kind: "timestamp", required: true },
  { focus: "BilledCost", db: "billed_cost", kind: "decimal", required: true },
  { focus: "EffectiveCost", db: "effective_cost", kind: "decimal", required: true },
  { focus: "ListCost", db: "list_cost", kind: "decimal" },
  { focus: "ContractedCost", db: "contracted_cost", kind: "decimal" },
  { focus: "ChargeCategory", db: "charge_category", kind: "text", required: true },
  { focus: "ChargeClass", db: "charge_class", kind: "text" },
  { focus: "ChargeDescription", db: "charge_description", kind: "text" },
  { focus: "ChargeFrequency", db: "charge_frequency", kind: "text" },
  { focus: "PricingCategory", db: "pricing_category", kind: "text" },
  { focus: "PricingQuantity", db: "pricing_quantity", kind: "decimal" },
  { focus: "PricingUnit", db: "pricing_unit", kind: "text" },
  { focus: "ConsumedQuantity", db: "consumed_quantity", kind: "decimal" },
  { focus: "ConsumedUnit", db: "consumed_unit", kind: "text" },
  { focus: "ProviderName", db: "provider_name", kind: "text", required: true },
  { focus: "PublisherName", db: "publisher_name", kind: "text" },
  { focus: "InvoiceIssuerName", db: "invoice_issuer_name", kind: "text" },
  { focus: "RegionId", db: "region_id", kind: "text" },
  { focus: "RegionName", db: "region_name", kind: "text" },
  { focus: "AvailabilityZone", db: "availability_zone", kind: "text" },
  { focus: "ServiceCategory", db: "service_category", kind: "text" },
  { focus: "ServiceName", db: "service_name", kind: "text" },
  { focus: "SkuId", db: "sku_id", kind: "text" },
  { focus: "SkuPriceId", db: "sku_price_id", kind: "text" },
  { focus: "ResourceId", db: "resource_id", kind: "text" },
  { focus: "ResourceName", db: "resource_name", kind: "text" },
  { focus: "ResourceType", db: "resource_type", kind: "text" },
  { focus: "SubAccountId", db: "sub_account_id", kind: "text" },
  { focus: "SubAccountName", db: "sub_account_name", kind: "text" },
  { focus: "CommitmentDiscountId", db: "commitment_discount_id", kind: "text" },
  { focus: "CommitmentDiscountName", db: "commitment_discount_name", kind: "text" },
  { focus: "CommitmentDiscountCategory", db: "commitment_discount_category", kind: "text" },
  { focus: "CommitmentDiscountType", db: "commitment_discount_type", kind: "text" },
  { focus: "CommitmentDiscountStatus", db: "commitment_discount_status", kind: "text" },
  { focus: "CommitmentDiscountQuantity", db: "commitment_discount_quantity", kind: "decimal" },
  { focus: "CommitmentDiscountUnit", db: "commitment_discount_unit", kind: "text" },
  { focus: "CapacityReservationId", db: "capacity_reservation_id", kind: "text" },
  { focus: "CapacityReservationStatus", db: "capacity_reservation_status", kind: "text" },
  { focus: "Tags", db: "tags", kind: "tags" },
];

/** FOCUS 1.3 names that stand in for the deprecated ProviderName / PublisherName when those are absent. */
export const FALLBACK_COLUMNS: Record<string, string> = {
  serviceprovidername: "provider_name",
  hostprovidername: "publisher_name",
};

/** Cost columns converted to the reporting currency when an FX rate applies. */
export const COST_DB_COLUMNS = new Set(["billed_cost", "effective_cost", "list_cost", "contracted_cost"]);

/** Extension columns whose cells are JSON; kept parsed in `extra` when they parse, as text otherwise. */
export const JSON_EXTRA_COLUMNS = new Set([
  "skupricedetails",
  "contractapplied",
  "allocatedmethoddetails",
  "allocatedtags",
  "x_skudetails",
]);

/** The Contract Commitment dataset of FOCUS 1.3 (a different file from cost and usage). */
export const CONTRACT_COMMITMENT_MARKERS = ["contractcommitmentid", "contractcommitmentcost"];

export const STAGING_COLUMNS: readonly string[] = ["line_number", ...TARGET_COLUMNS.map((c) => c.db), "extra"];
