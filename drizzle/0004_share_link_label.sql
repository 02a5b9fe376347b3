ALTER TABLE "shared_reports" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "shared_reports" ADD COLUMN "token_prefix" text;