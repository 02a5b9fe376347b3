ALTER TYPE "public"."import_kind" ADD VALUE 'teams';--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'workloads';--> statement-breakpoint
ALTER TYPE "public"."workload_kind" ADD VALUE 'platform';--> statement-breakpoint
ALTER TYPE "public"."workload_kind" ADD VALUE 'external';--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"cost_centre" text,
	"parent_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "teams_not_own_parent" CHECK ("teams"."parent_id" is null or "teams"."parent_id" <> "teams"."id")
);
--> statement-breakpoint
CREATE TABLE "workloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "workload_kind" NOT NULL,
	"team_id" uuid NOT NULL,
	"active_from" date NOT NULL,
	"active_to" date,
	"sale_price" numeric(14, 6),
	"currency" char(3),
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workloads_period" CHECK ("workloads"."active_to" is null or "workloads"."active_to" > "workloads"."active_from"),
	CONSTRAINT "workloads_sale_price" CHECK (case when "workloads"."kind"::text = 'external' then "workloads"."sale_price" is not null and "workloads"."currency" is not null else "workloads"."sale_price" is null and "workloads"."currency" is null end),
	CONSTRAINT "workloads_sale_price_nonnegative" CHECK ("workloads"."sale_price" is null or "workloads"."sale_price" >= 0),
	CONSTRAINT "workloads_currency_iso" CHECK ("workloads"."currency" is null or "workloads"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "demand_plans" ADD COLUMN "workload_id" uuid;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_parent_id_teams_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "teams_active_name_key" ON "teams" USING btree (lower("name")) WHERE "teams"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "teams_parent_idx" ON "teams" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workloads_active_name_key" ON "workloads" USING btree (lower("name")) WHERE "workloads"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "workloads_team_idx" ON "workloads" USING btree ("team_id");--> statement-breakpoint
ALTER TABLE "demand_plans" ADD CONSTRAINT "demand_plans_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_plans_workload_idx" ON "demand_plans" USING btree ("workload_id");