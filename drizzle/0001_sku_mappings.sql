CREATE TABLE "sku_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"sku_id" text NOT NULL,
	"region_id" text,
	"accelerator_type_id" uuid NOT NULL,
	"accelerators_per_unit" numeric(10, 4) DEFAULT '1' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sku_mappings" ADD CONSTRAINT "sku_mappings_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_mappings" ADD CONSTRAINT "sku_mappings_accelerator_type_id_accelerator_types_id_fk" FOREIGN KEY ("accelerator_type_id") REFERENCES "public"."accelerator_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sku_mappings_provider_sku_region_key" ON "sku_mappings" USING btree ("provider_id","sku_id",coalesce("region_id", ''));--> statement-breakpoint
CREATE INDEX "sku_mappings_accelerator_type_idx" ON "sku_mappings" USING btree ("accelerator_type_id");