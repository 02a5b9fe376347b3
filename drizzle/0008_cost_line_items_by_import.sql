-- cost_line_items partitioned by import: each FOCUS import COPYs its typed rows into a fresh table of its own,
-- builds that table's indexes once and attaches it as the partition for its import_id (lib/ingest/focus/partition.ts).
-- No identity column (COPY would assign it row by row, and Citus refuses it), primary key (import_id, line_number),
-- no foreign keys, four indexes instead of eight (README, "FOCUS billing import").
ALTER TABLE "cost_line_items" RENAME TO "cost_line_items_old";--> statement-breakpoint
CREATE TABLE "cost_line_items" (
	"import_id" bigint NOT NULL,
	"line_number" integer NOT NULL,
	"provider_id" uuid,
	"contract_id" uuid,
	"reservation_id" uuid,
	"accelerator_type_id" uuid,
	"billing_account_id" text,
	"billing_account_name" text,
	"billing_currency" char(3) NOT NULL,
	"billing_period_start" timestamp with time zone,
	"billing_period_end" timestamp with time zone,
	"charge_period_start" timestamp with time zone NOT NULL,
	"charge_period_end" timestamp with time zone NOT NULL,
	"billed_cost" numeric(24, 10) NOT NULL,
	"effective_cost" numeric(24, 10) NOT NULL,
	"list_cost" numeric(24, 10),
	"contracted_cost" numeric(24, 10),
	"charge_category" text NOT NULL,
	"charge_class" text,
	"charge_description" text,
	"charge_frequency" text,
	"pricing_category" text,
	"pricing_quantity" numeric(24, 10),
	"pricing_unit" text,
	"consumed_quantity" numeric(24, 10),
	"consumed_unit" text,
	"provider_name" text,
	"publisher_name" text,
	"invoice_issuer_name" text,
	"region_id" text,
	"region_name" text,
	"availability_zone" text,
	"service_category" text,
	"service_name" text,
	"sku_id" text,
	"sku_price_id" text,
	"resource_id" text,
	"resource_name" text,
	"resource_type" text,
	"sub_account_id" text,
	"sub_account_name" text,
	"commitment_discount_id" text,
	"commitment_discount_name" text,
	"commitment_discount_category" text,
	"commitment_discount_type" text,
	"commitment_discount_status" text,
	"commitment_discount_quantity" numeric(24, 10),
	"commitment_discount_unit" text,
	"capacity_reservation_id" text,
	"capacity_reservation_status" text,
	"tags" jsonb,
	"extra" jsonb,
	CONSTRAINT "cost_line_items_pk" PRIMARY KEY("import_id","line_number")
) PARTITION BY LIST ("import_id");
--> statement-breakpoint
CREATE INDEX "cost_line_items_contract_period_idx" ON "cost_line_items" USING btree ("contract_id","charge_period_start");--> statement-breakpoint
CREATE INDEX "cost_line_items_provider_sku_idx" ON "cost_line_items" USING btree ("provider_id","sku_id");--> statement-breakpoint
CREATE INDEX "cost_line_items_unmatched_idx" ON "cost_line_items" USING btree ("provider_id") WHERE "contract_id" is null and "reservation_id" is null and "accelerator_type_id" is null;--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT import_id FROM cost_line_items_old LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF cost_line_items FOR VALUES IN (%s)', 'cost_line_items_' || r.import_id, r.import_id);
  END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO "cost_line_items" ("import_id", "line_number", "provider_id", "contract_id", "reservation_id", "accelerator_type_id", "billing_account_id", "billing_account_name", "billing_currency", "billing_period_start", "billing_period_end", "charge_period_start", "charge_period_end", "billed_cost", "effective_cost", "list_cost", "contracted_cost", "charge_category", "charge_class", "charge_description", "charge_frequency", "pricing_category", "pricing_quantity", "pricing_unit", "consumed_quantity", "consumed_unit", "provider_name", "publisher_name", "invoice_issuer_name", "region_id", "region_name", "availability_zone", "service_category", "service_name", "sku_id", "sku_price_id", "resource_id", "resource_name", "resource_type", "sub_account_id", "sub_account_name", "commitment_discount_id", "commitment_discount_name", "commitment_discount_category", "commitment_discount_type", "commitment_discount_status", "commitment_discount_quantity", "commitment_discount_unit", "capacity_reservation_id", "capacity_reservation_status", "tags", "extra")
SELECT "import_id", "line_number", "provider_id", "contract_id", "reservation_id", "accelerator_type_id", "billing_account_id", "billing_account_name", "billing_currency", "billing_period_start", "billing_period_end", "charge_period_start", "charge_period_end", "billed_cost", "effective_cost", "list_cost", "contracted_cost", "charge_category", "charge_class", "charge_description", "charge_frequency", "pricing_category", "pricing_quantity", "pricing_unit", "consumed_quantity", "consumed_unit", "provider_name", "publisher_name", "invoice_issuer_name", "region_id", "region_name", "availability_zone", "service_category", "service_name", "sku_id", "sku_price_id", "resource_id", "resource_name", "resource_type", "sub_account_id", "sub_account_name", "commitment_discount_id", "commitment_discount_name", "commitment_discount_category", "commitment_discount_type", "commitment_discount_status", "commitment_discount_quantity", "commitment_discount_unit", "capacity_reservation_id", "capacity_reservation_status", "tags", "extra" FROM "cost_line_items_old";--> statement-breakpoint
DROP TABLE "cost_line_items_old";
