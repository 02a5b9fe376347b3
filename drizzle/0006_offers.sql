CREATE TYPE "public"."offer_pricing_model" AS ENUM('reserved', 'on_demand', 'spot', 'owned');--> statement-breakpoint
CREATE TYPE "public"."offer_source" AS ENUM('quote', 'list', 'renewal');--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"site_id" uuid,
	"region" text,
	"accelerator_type_id" uuid NOT NULL,
	"pricing_model" "offer_pricing_model" NOT NULL,
	"term_months" integer,
	"rate" numeric(14, 6) NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"capex_per_accelerator" numeric(20, 4),
	"facility_capex_per_w" numeric(12, 4),
	"depreciation_years" numeric(4, 1),
	"power_per_mwh" numeric(10, 2),
	"opex_per_ah" numeric(14, 6),
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"max_quantity" integer,
	"step" integer DEFAULT 1 NOT NULL,
	"lead_time_days" integer DEFAULT 0 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"source" "offer_source" NOT NULL,
	"note" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "offers_where" CHECK ("offers"."site_id" is not null or "offers"."region" is not null),
	CONSTRAINT "offers_term" CHECK ("offers"."term_months" is null or "offers"."term_months" > 0),
	CONSTRAINT "offers_term_required" CHECK ("offers"."pricing_model" not in ('reserved', 'owned') or "offers"."term_months" is not null),
	CONSTRAINT "offers_build_inputs" CHECK ("offers"."pricing_model" <> 'owned' or ("offers"."site_id" is not null and "offers"."capex_per_accelerator" is not null and "offers"."facility_capex_per_w" is not null and "offers"."depreciation_years" is not null and "offers"."power_per_mwh" is not null and "offers"."opex_per_ah" is not null)),
	CONSTRAINT "offers_rate_nonnegative" CHECK ("offers"."rate" >= 0),
	CONSTRAINT "offers_currency_iso" CHECK ("offers"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "offers_quantities" CHECK ("offers"."step" > 0 and "offers"."min_quantity" > 0 and ("offers"."max_quantity" is null or "offers"."max_quantity" >= "offers"."min_quantity")),
	CONSTRAINT "offers_lead_time_nonnegative" CHECK ("offers"."lead_time_days" >= 0),
	CONSTRAINT "offers_validity" CHECK ("offers"."valid_until" is null or "offers"."valid_until" > "offers"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_accelerator_type_id_accelerator_types_id_fk" FOREIGN KEY ("accelerator_type_id") REFERENCES "public"."accelerator_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offers_provider_idx" ON "offers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "offers_site_idx" ON "offers" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "offers_accelerator_type_idx" ON "offers" USING btree ("accelerator_type_id");--> statement-breakpoint
CREATE INDEX "offers_model_source_idx" ON "offers" USING btree ("pricing_model","source");