CREATE TABLE "billing_monthly" (
	"month" date NOT NULL,
	"import_id" bigint NOT NULL,
	"provider_id" uuid,
	"provider_name" text,
	"billing_currency" char(3) NOT NULL,
	"contract_id" uuid,
	"reservation_id" uuid,
	"accelerator_type_id" uuid,
	"charge_category" text NOT NULL,
	"pricing_category" text,
	"commitment_discount_status" text,
	"commitment_discount_id" text,
	"has_list_cost" boolean NOT NULL,
	"has_contracted_cost" boolean NOT NULL,
	"commitment_discount_name" text,
	"commitment_discount_type" text,
	"rows" bigint NOT NULL,
	"billed_cost" numeric NOT NULL,
	"effective_cost" numeric NOT NULL,
	"list_cost" numeric,
	"contracted_cost" numeric,
	"pricing_quantity" numeric,
	"consumed_quantity" numeric,
	"first_charge_start" timestamp with time zone NOT NULL,
	"last_charge_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "billing_monthly_provider_month_idx" ON "billing_monthly" USING btree ("provider_id","month");--> statement-breakpoint
CREATE INDEX "billing_monthly_month_idx" ON "billing_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "billing_monthly_contract_idx" ON "billing_monthly" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "billing_monthly_import_idx" ON "billing_monthly" USING btree ("import_id");--> statement-breakpoint
-- Backfill from the charges already loaded (the same select as refreshBillingMonthly in lib/ingest/billing-monthly.ts).
INSERT INTO "billing_monthly" (month, import_id, provider_id, provider_name, billing_currency, contract_id, reservation_id, accelerator_type_id,
  charge_category, pricing_category, commitment_discount_status, commitment_discount_id, has_list_cost, has_contracted_cost,
  commitment_discount_name, commitment_discount_type, rows, billed_cost, effective_cost, list_cost, contracted_cost,
  pricing_quantity, consumed_quantity, first_charge_start, last_charge_start)
SELECT date_trunc('month', c.charge_period_start at time zone 'UTC')::date, c.import_id, c.provider_id, case when c.provider_id is null then c.provider_name end,
    c.billing_currency, c.contract_id, c.reservation_id, c.accelerator_type_id, c.charge_category, c.pricing_category,
    c.commitment_discount_status, c.commitment_discount_id, c.list_cost is not null, c.contracted_cost is not null,
    max(c.commitment_discount_name), max(c.commitment_discount_type), count(*), sum(c.billed_cost), sum(c.effective_cost),
    sum(c.list_cost), sum(c.contracted_cost), sum(c.pricing_quantity), sum(c.consumed_quantity),
    min(c.charge_period_start), max(c.charge_period_start)
FROM cost_line_items c
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
