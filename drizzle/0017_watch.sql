ALTER TYPE "public"."budget_scope_kind" ADD VALUE 'team';--> statement-breakpoint
ALTER TYPE "public"."budget_scope_kind" ADD VALUE 'workload';--> statement-breakpoint
ALTER TYPE "public"."budget_scope_kind" ADD VALUE 'contract';--> statement-breakpoint
CREATE TABLE "alert_evaluations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"as_of" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"data_version" bigint,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"fired" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"firing" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" uuid
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"alert_id" uuid NOT NULL,
	"event" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"evaluation_id" bigint,
	"user_id" uuid,
	"detail" jsonb,
	CONSTRAINT "alert_events_event" CHECK ("alert_events"."event" in ('fired', 'repeated', 'acknowledged', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "alert_rule_channels" (
	"rule_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	CONSTRAINT "alert_rule_channels_rule_id_channel_id_pk" PRIMARY KEY("rule_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"owner_id" uuid,
	"scope_kind" text,
	"scope_value" text,
	"repeat_minutes" integer,
	"muted_until" timestamp with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "alert_rules_severity" CHECK ("alert_rules"."severity" in ('info', 'warning', 'critical')),
	CONSTRAINT "alert_rules_scope_kind" CHECK ("alert_rules"."scope_kind" is null or "alert_rules"."scope_kind" in ('provider', 'family', 'site', 'team')),
	CONSTRAINT "alert_rules_scope" CHECK (("alert_rules"."scope_kind" is null) = ("alert_rules"."scope_value" is null)),
	CONSTRAINT "alert_rules_repeat" CHECK ("alert_rules"."repeat_minutes" is null or "alert_rules"."repeat_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"title" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"href" text,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_fired_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"last_notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"fired_evaluation_id" bigint,
	"resolved_evaluation_id" bigint,
	CONSTRAINT "alerts_status" CHECK ("alerts"."status" in ('firing', 'resolved')),
	CONSTRAINT "alerts_severity" CHECK ("alerts"."severity" in ('info', 'warning', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret" text,
	"min_severity" text DEFAULT 'info' NOT NULL,
	"scope_kind" text,
	"scope_value" text,
	"route_all" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "channels_kind" CHECK ("channels"."kind" in ('email', 'webhook', 'slack', 'teams')),
	CONSTRAINT "channels_min_severity" CHECK ("channels"."min_severity" in ('info', 'warning', 'critical')),
	CONSTRAINT "channels_scope" CHECK (("channels"."scope_kind" is null) = ("channels"."scope_value" is null))
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" uuid,
	"report_delivery_id" uuid,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer,
	CONSTRAINT "notification_deliveries_target" CHECK (num_nonnulls("notification_deliveries"."notification_id", "notification_deliveries"."report_delivery_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"kind" text DEFAULT 'alerts' NOT NULL,
	"evaluation_id" bigint,
	"subject" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notifications_status" CHECK ("notifications"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"share_id" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "report_deliveries_status" CHECK ("report_deliveries"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"cadence" text NOT NULL,
	"weekday" integer,
	"day_of_month" integer,
	"hour" integer NOT NULL,
	"time_zone" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"csv_sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"link_days" integer DEFAULT 14 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_schedules_cadence" CHECK ("report_schedules"."cadence" in ('weekly', 'monthly')),
	CONSTRAINT "report_schedules_when" CHECK (case "report_schedules"."cadence" when 'weekly' then "report_schedules"."weekday" between 0 and 6 and "report_schedules"."day_of_month" is null else "report_schedules"."day_of_month" between 1 and 28 and "report_schedules"."weekday" is null end),
	CONSTRAINT "report_schedules_hour" CHECK ("report_schedules"."hour" between 0 and 23),
	CONSTRAINT "report_schedules_link_days" CHECK ("report_schedules"."link_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "budgets" DROP CONSTRAINT "budgets_scope";--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "workload_id" uuid;--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "contract_id" uuid;--> statement-breakpoint
ALTER TABLE "budgets" ADD COLUMN "unit" text DEFAULT 'money' NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_evaluations" ADD CONSTRAINT "alert_evaluations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rule_channels" ADD CONSTRAINT "alert_rule_channels_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rule_channels" ADD CONSTRAINT "alert_rule_channels_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_report_delivery_id_report_deliveries_id_fk" FOREIGN KEY ("report_delivery_id") REFERENCES "public"."report_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_share_id_shared_reports_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shared_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_evaluations_started_idx" ON "alert_evaluations" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "alert_events_at_idx" ON "alert_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "alert_rule_channels_channel_idx" ON "alert_rule_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_rules_active_name_key" ON "alert_rules" USING btree (lower("name")) WHERE "alert_rules"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_key" ON "alerts" USING btree ("rule_id","subject_key") WHERE "alerts"."status" = 'firing';--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","first_fired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_active_name_key" ON "channels" USING btree (lower("name")) WHERE "channels"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "notification_deliveries_notification_idx" ON "notification_deliveries" USING btree ("notification_id","at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_report_idx" ON "notification_deliveries" USING btree ("report_delivery_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_evaluation_channel_key" ON "notifications" USING btree ("evaluation_id","channel_id") WHERE "notifications"."evaluation_id" is not null;--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_channel_idx" ON "notifications" USING btree ("channel_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_schedule_due_key" ON "report_deliveries" USING btree ("schedule_id","due_at");--> statement-breakpoint
CREATE INDEX "report_deliveries_due_idx" ON "report_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "report_schedules_report_idx" ON "report_schedules" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_schedules_next_run_idx" ON "report_schedules" USING btree ("next_run_at");--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_workload_id_workloads_id_fk" FOREIGN KEY ("workload_id") REFERENCES "public"."workloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budgets_team_idx" ON "budgets" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "budgets_workload_idx" ON "budgets" USING btree ("workload_id");--> statement-breakpoint
CREATE INDEX "budgets_contract_idx" ON "budgets" USING btree ("contract_id");--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_unit" CHECK ("budgets"."unit" in ('money', 'ah', 'h100e_h'));--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_scope" CHECK (num_nonnulls("budgets"."provider_id", "budgets"."family", "budgets"."team_id", "budgets"."workload_id", "budgets"."contract_id") = case "budgets"."scope_kind"::text when 'lab' then 0 else 1 end and case "budgets"."scope_kind"::text when 'provider' then "budgets"."provider_id" is not null when 'family' then "budgets"."family" is not null when 'team' then "budgets"."team_id" is not null when 'workload' then "budgets"."workload_id" is not null when 'contract' then "budgets"."contract_id" is not null else true end);