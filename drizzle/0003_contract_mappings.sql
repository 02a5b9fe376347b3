CREATE TABLE "contract_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_name" text,
	"sku_id" text,
	"region_id" text,
	"tag_key" text,
	"tag_value" text,
	"sub_account_id" text,
	"contract_id" uuid NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_mappings" ADD CONSTRAINT "contract_mappings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_mappings" ADD CONSTRAINT "contract_mappings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_mappings_rule_key" ON "contract_mappings" USING btree ("provider_id",coalesce(lower("service_name"), ''),coalesce("sku_id", ''),coalesce(lower("region_id"), ''),coalesce("tag_key", ''),coalesce("tag_value", ''),coalesce("sub_account_id", ''));--> statement-breakpoint
CREATE INDEX "contract_mappings_contract_idx" ON "contract_mappings" USING btree ("contract_id");