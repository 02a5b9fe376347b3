CREATE TYPE "public"."budget_period_kind" AS ENUM('month', 'quarter', 'year');--> statement-breakpoint
CREATE TYPE "public"."budget_scope_kind" AS ENUM('lab', 'provider', 'family');--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"scope_kind" "budget_scope_kind" NOT NULL,
	"provider_id" uuid,
	"family" text,
	"period_kind" "budget_period_kind" NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"actual_threshold_pct" numeric(6, 2) DEFAULT '80' NOT NULL,
	"forecast_threshold_pct" numeric(6, 2) DEFAULT '100' NOT NULL,
	"active_from" date NOT NULL,
	"active_to" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "budgets_scope" CHECK (case "budgets"."scope_kind"::text when 'lab' then "budgets"."provider_id" is null and "budgets"."family" is null when 'provider' then "budgets"."provider_id" is not null and "budgets"."family" is null else "budgets"."provider_id" is null and "budgets"."family" is not null end),
	CONSTRAINT "budgets_amount_positive" CHECK ("budgets"."amount" > 0),
	CONSTRAINT "budgets_currency_iso" CHECK ("budgets"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "budgets_thresholds" CHECK ("budgets"."actual_threshold_pct" > 0 and "budgets"."forecast_threshold_pct" > 0),
	CONSTRAINT "budgets_period" CHECK ("budgets"."active_to" is null or "budgets"."active_to" > "budgets"."active_from")
);
--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_active_name_key" ON "budgets" USING btree (lower("name")) WHERE "budgets"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "budgets_provider_idx" ON "budgets" USING btree ("provider_id");