ALTER TYPE "public"."import_kind" ADD VALUE 'business_metrics';--> statement-breakpoint
CREATE TABLE "business_metrics" (
	"day" date NOT NULL,
	"workload_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"value" numeric(24, 6) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "business_metrics_workload_id_metric_day_pk" PRIMARY KEY("workload_id","metric","day"),
	CONSTRAINT "business_metrics_value_nonnegative" CHECK ("business_metrics"."value" >= 0),
	CONSTRAINT "business_metrics_metric_name" CHECK ("business_metrics"."metric" ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' and length("business_metrics"."metric") <= 64)
);
--> statement-breakpoint
ALTER TABLE "business_metrics" ADD CONSTRAINT "business_metrics_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;