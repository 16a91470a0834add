ALTER TABLE "result_imports" ADD COLUMN "processed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "result_imports" ADD COLUMN "heartbeat_at" timestamp with time zone;