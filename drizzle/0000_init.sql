CREATE TYPE "public"."contract_status" AS ENUM('proposed', 'pending', 'active', 'exhausted', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('focus', 'utilization', 'contracts', 'reservations', 'sites', 'power_budgets');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."payment_terms" AS ENUM('upfront', 'monthly', 'usage_based');--> statement-breakpoint
CREATE TYPE "public"."pricing_model" AS ENUM('reserved', 'on_demand', 'spot');--> statement-breakpoint
CREATE TYPE "public"."provider_kind" AS ENUM('hyperscaler', 'neocloud', 'colo', 'owned');--> statement-breakpoint
CREATE TYPE "public"."reservation_status" AS ENUM('planned', 'active', 'expired');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'finance', 'infra', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."workload_kind" AS ENUM('training', 'inference', 'research');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "accelerator_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"vendor" text NOT NULL,
	"family" text NOT NULL,
	"memory_gb" numeric(8, 1) NOT NULL,
	"bf16_tflops" numeric(10, 1) NOT NULL,
	"fp8_tflops" numeric(10, 1),
	"tdp_w" integer,
	"system_w" integer NOT NULL,
	"h100_equivalent" numeric(8, 4) NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "accelerator_types_bf16_positive" CHECK ("accelerator_types"."bf16_tflops" > 0),
	CONSTRAINT "accelerator_types_system_w_positive" CHECK ("accelerator_types"."system_w" > 0),
	CONSTRAINT "accelerator_types_h100e_positive" CHECK ("accelerator_types"."h100_equivalent" > 0),
	CONSTRAINT "accelerator_types_memory_positive" CHECK ("accelerator_types"."memory_gb" > 0)
);
--> statement-breakpoint
CREATE TABLE "power_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"contracted_mw" numeric(10, 3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "power_budgets_mw_positive" CHECK ("power_budgets"."contracted_mw" > 0),
	CONSTRAINT "power_budgets_period" CHECK ("power_budgets"."effective_to" is null or "power_budgets"."effective_to" > "power_budgets"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "provider_kind" NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"country" text NOT NULL,
	"pue" numeric(4, 2) NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sites_pue_range" CHECK ("sites"."pue" >= 1 and "sites"."pue" <= 3),
	CONSTRAINT "sites_country_iso" CHECK ("sites"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reference" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"committed_amount" numeric(20, 4) NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"discount_pct" numeric(5, 2) DEFAULT '0' NOT NULL,
	"payment_terms" "payment_terms" NOT NULL,
	"status" "contract_status" NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contracts_period" CHECK ("contracts"."end_date" > "contracts"."start_date"),
	CONSTRAINT "contracts_committed_nonnegative" CHECK ("contracts"."committed_amount" >= 0),
	CONSTRAINT "contracts_discount_range" CHECK ("contracts"."discount_pct" >= 0 and "contracts"."discount_pct" <= 100),
	CONSTRAINT "contracts_currency_iso" CHECK ("contracts"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"accelerator_type_id" uuid NOT NULL,
	"contract_id" uuid,
	"quantity" integer NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"pricing_model" "pricing_model" NOT NULL,
	"rate" numeric(14, 6) NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"status" "reservation_status" NOT NULL,
	"delivery_date" date,
	"capacity_reservation_id" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reservations_period" CHECK ("reservations"."end_at" > "reservations"."start_at"),
	CONSTRAINT "reservations_quantity_positive" CHECK ("reservations"."quantity" > 0),
	CONSTRAINT "reservations_rate_nonnegative" CHECK ("reservations"."rate" >= 0),
	CONSTRAINT "reservations_currency_iso" CHECK ("reservations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "utilization_daily" (
	"reservation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"used_ah" numeric(16, 4) NOT NULL,
	"hours_reported" integer NOT NULL,
	CONSTRAINT "utilization_daily_reservation_id_day_pk" PRIMARY KEY("reservation_id","day")
);
--> statement-breakpoint
CREATE TABLE "utilization_hourly" (
	"reservation_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"used_ah" numeric(14, 4) NOT NULL,
	CONSTRAINT "utilization_hourly_reservation_id_hour_pk" PRIMARY KEY("reservation_id","hour"),
	CONSTRAINT "utilization_hourly_used_nonnegative" CHECK ("utilization_hourly"."used_ah" >= 0)
);
--> statement-breakpoint
CREATE TABLE "utilization_monthly" (
	"reservation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"used_ah" numeric(18, 4) NOT NULL,
	"hours_reported" integer NOT NULL,
	CONSTRAINT "utilization_monthly_reservation_id_month_pk" PRIMARY KEY("reservation_id","month"),
	CONSTRAINT "utilization_monthly_first_day" CHECK (extract(day from "utilization_monthly"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "cost_line_items" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cost_line_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
	CONSTRAINT "cost_line_items_id_charge_period_start_pk" PRIMARY KEY("id","charge_period_start")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "import_kind" NOT NULL,
	"file_name" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"bytes" bigint,
	"status" "import_status" DEFAULT 'running' NOT NULL,
	"errors" jsonb,
	"summary" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "demand_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "workload_kind" NOT NULL,
	"scenario_id" uuid,
	"accelerator_family" text NOT NULL,
	"accelerator_type_id" uuid,
	"accelerators" integer,
	"h100_equivalents" numeric(12, 2),
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "demand_plans_period" CHECK ("demand_plans"."end_date" > "demand_plans"."start_date"),
	CONSTRAINT "demand_plans_priority_range" CHECK ("demand_plans"."priority" between 1 and 5),
	CONSTRAINT "demand_plans_size" CHECK (("demand_plans"."accelerators" is not null and "demand_plans"."accelerators" > 0) or ("demand_plans"."h100_equivalents" is not null and "demand_plans"."h100_equivalents" > 0))
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"scope" jsonb NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shared_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"allow_csv" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	CONSTRAINT "shared_reports_expiry" CHECK ("shared_reports"."expires_at" > "shared_reports"."created_at")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "power_budgets" ADD CONSTRAINT "power_budgets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_accelerator_type_id_accelerator_types_id_fk" FOREIGN KEY ("accelerator_type_id") REFERENCES "public"."accelerator_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilization_daily" ADD CONSTRAINT "utilization_daily_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilization_hourly" ADD CONSTRAINT "utilization_hourly_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilization_monthly" ADD CONSTRAINT "utilization_monthly_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD CONSTRAINT "cost_line_items_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD CONSTRAINT "cost_line_items_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD CONSTRAINT "cost_line_items_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD CONSTRAINT "cost_line_items_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD CONSTRAINT "cost_line_items_accelerator_type_id_accelerator_types_id_fk" FOREIGN KEY ("accelerator_type_id") REFERENCES "public"."accelerator_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_plans" ADD CONSTRAINT "demand_plans_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_plans" ADD CONSTRAINT "demand_plans_accelerator_type_id_accelerator_types_id_fk" FOREIGN KEY ("accelerator_type_id") REFERENCES "public"."accelerator_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_reports" ADD CONSTRAINT "shared_reports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_reports" ADD CONSTRAINT "shared_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_created_by_idx" ON "api_keys" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE UNIQUE INDEX "accelerator_types_name_key" ON "accelerator_types" USING btree ("name");--> statement-breakpoint
CREATE INDEX "accelerator_types_family_idx" ON "accelerator_types" USING btree ("family");--> statement-breakpoint
CREATE INDEX "accelerator_types_vendor_idx" ON "accelerator_types" USING btree ("vendor");--> statement-breakpoint
CREATE INDEX "power_budgets_site_idx" ON "power_budgets" USING btree ("site_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "providers_name_key" ON "providers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "providers_kind_idx" ON "providers" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_key" ON "sites" USING btree ("name");--> statement-breakpoint
CREATE INDEX "sites_provider_idx" ON "sites" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "contracts_provider_idx" ON "contracts" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "contracts_status_idx" ON "contracts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "contracts_period_idx" ON "contracts" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_provider_reference_key" ON "contracts" USING btree ("provider_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_name_key" ON "reservations" USING btree ("name");--> statement-breakpoint
CREATE INDEX "reservations_provider_idx" ON "reservations" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "reservations_site_idx" ON "reservations" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "reservations_accelerator_type_idx" ON "reservations" USING btree ("accelerator_type_id");--> statement-breakpoint
CREATE INDEX "reservations_contract_idx" ON "reservations" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "reservations_status_idx" ON "reservations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reservations_period_idx" ON "reservations" USING btree ("start_at","end_at");--> statement-breakpoint
CREATE INDEX "reservations_capacity_reservation_idx" ON "reservations" USING btree ("capacity_reservation_id");--> statement-breakpoint
CREATE INDEX "utilization_daily_day_idx" ON "utilization_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "utilization_hourly_hour_idx" ON "utilization_hourly" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "utilization_monthly_month_idx" ON "utilization_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "cost_line_items_import_idx" ON "cost_line_items" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "cost_line_items_provider_period_idx" ON "cost_line_items" USING btree ("provider_id","charge_period_start");--> statement-breakpoint
CREATE INDEX "cost_line_items_period_idx" ON "cost_line_items" USING btree ("charge_period_start");--> statement-breakpoint
CREATE INDEX "cost_line_items_contract_idx" ON "cost_line_items" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "cost_line_items_reservation_idx" ON "cost_line_items" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "cost_line_items_accelerator_type_idx" ON "cost_line_items" USING btree ("accelerator_type_id");--> statement-breakpoint
CREATE INDEX "cost_line_items_commitment_idx" ON "cost_line_items" USING btree ("commitment_discount_id");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_succeeded_sha_key" ON "imports" USING btree ("kind","sha256") WHERE "imports"."status" = 'succeeded';--> statement-breakpoint
CREATE INDEX "imports_created_at_idx" ON "imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "imports_created_by_idx" ON "imports" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "demand_plans_scenario_idx" ON "demand_plans" USING btree ("scenario_id");--> statement-breakpoint
CREATE INDEX "demand_plans_accelerator_type_idx" ON "demand_plans" USING btree ("accelerator_type_id");--> statement-breakpoint
CREATE INDEX "demand_plans_family_idx" ON "demand_plans" USING btree ("accelerator_family");--> statement-breakpoint
CREATE INDEX "demand_plans_period_idx" ON "demand_plans" USING btree ("start_date","end_date");--> statement-breakpoint
CREATE UNIQUE INDEX "scenarios_name_key" ON "scenarios" USING btree ("name");--> statement-breakpoint
CREATE INDEX "reports_created_by_idx" ON "reports" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "shared_reports_token_hash_key" ON "shared_reports" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "shared_reports_report_idx" ON "shared_reports" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "shared_reports_created_by_idx" ON "shared_reports" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");