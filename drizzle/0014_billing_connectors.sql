CREATE TABLE "connector_objects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "connector_objects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connector_id" uuid NOT NULL,
	"key" text NOT NULL,
	"etag" text NOT NULL,
	"size" bigint NOT NULL,
	"outcome" text NOT NULL,
	"files" jsonb,
	"import_id" bigint,
	"errors" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "connector_objects_outcome" CHECK ("connector_objects"."outcome" in ('importing', 'imported', 'replaced', 'duplicate', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"location" jsonb NOT NULL,
	"prefix" text DEFAULT '' NOT NULL,
	"credentials" text NOT NULL,
	"schedule" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run_started_at" timestamp with time zone,
	"last_run_finished_at" timestamp with time zone,
	"last_result" text,
	"last_error" text,
	"last_summary" jsonb,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "connectors_kind" CHECK ("connectors"."kind" in ('s3', 'azure_blob'))
);
--> statement-breakpoint
ALTER TABLE "connector_objects" ADD CONSTRAINT "connector_objects_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connector_objects_key_etag_key" ON "connector_objects" USING btree ("connector_id","key","etag");--> statement-breakpoint
CREATE INDEX "connector_objects_recent_idx" ON "connector_objects" USING btree ("connector_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "connectors_name_key" ON "connectors" USING btree ("name");--> statement-breakpoint
CREATE INDEX "connectors_provider_idx" ON "connectors" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "connectors_next_run_idx" ON "connectors" USING btree ("next_run_at");