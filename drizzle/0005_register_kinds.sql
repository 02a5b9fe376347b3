ALTER TYPE "public"."import_kind" ADD VALUE 'providers';--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'accelerator_types';--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'demand_plans';