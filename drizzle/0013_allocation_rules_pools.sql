CREATE TYPE "public"."pool_rule_kind" AS ENUM('proportional', 'even', 'team');--> statement-breakpoint
CREATE TABLE "allocation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"provider_id" uuid,
	"service_name" text,
	"sku_id" text,
	"region_id" text,
	"sub_account_id" text,
	"tag_key" text,
	"tag_value" text,
	"resource_id_prefix" text,
	"workload_id" uuid NOT NULL,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "allocation_rules_position_positive" CHECK ("allocation_rules"."position" > 0),
	CONSTRAINT "allocation_rules_tag_pair" CHECK (("allocation_rules"."tag_key" is null) = ("allocation_rules"."tag_value" is null)),
	CONSTRAINT "allocation_rules_names_a_field" CHECK (num_nonnulls("allocation_rules"."provider_id", "allocation_rules"."service_name", "allocation_rules"."sku_id", "allocation_rules"."region_id", "allocation_rules"."sub_account_id", "allocation_rules"."tag_key", "allocation_rules"."resource_id_prefix") > 0)
);
--> statement-breakpoint
CREATE TABLE "pool_rules" (
	"family" text PRIMARY KEY NOT NULL,
	"kind" "pool_rule_kind" NOT NULL,
	"team_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "pool_rules_team" CHECK (("pool_rules"."kind"::text = 'team') = ("pool_rules"."team_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "utilization_workload_daily" (
	"reservation_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	"day" date NOT NULL,
	"used_ah" numeric(16, 4) NOT NULL,
	CONSTRAINT "utilization_workload_daily_reservation_id_workload_id_day_pk" PRIMARY KEY("reservation_id","workload_id","day"),
	CONSTRAINT "utilization_workload_daily_used_nonnegative" CHECK ("utilization_workload_daily"."used_ah" >= 0)
);
--> statement-breakpoint
ALTER TABLE "billing_monthly" ADD COLUMN "workload_id" uuid;--> statement-breakpoint
ALTER TABLE "cost_line_items" ADD COLUMN "workload_id" uuid;--> statement-breakpoint
ALTER TABLE "allocation_rules" ADD CONSTRAINT "allocation_rules_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_rules" ADD CONSTRAINT "allocation_rules_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_rules" ADD CONSTRAINT "pool_rules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilization_workload_daily" ADD CONSTRAINT "utilization_workload_daily_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilization_workload_daily" ADD CONSTRAINT "utilization_workload_daily_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_rules_position_idx" ON "allocation_rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "allocation_rules_workload_idx" ON "allocation_rules" USING btree ("workload_id");--> statement-breakpoint
CREATE INDEX "utilization_workload_daily_day_idx" ON "utilization_workload_daily" USING btree ("day");