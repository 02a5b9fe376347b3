ALTER TYPE "public"."import_kind" ADD VALUE 'allocations';--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reservation_id" uuid NOT NULL,
	"workload_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "allocations_quantity_positive" CHECK ("allocations"."quantity" > 0),
	CONSTRAINT "allocations_period" CHECK ("allocations"."end_at" is null or "allocations"."end_at" > "allocations"."start_at")
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_reservation_idx" ON "allocations" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "allocations_workload_idx" ON "allocations" USING btree ("workload_id");