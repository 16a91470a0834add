DROP INDEX "audit_pupil_idx";--> statement-breakpoint
DROP INDEX "audit_school_idx";--> statement-breakpoint
CREATE INDEX "audit_pupil_id_idx" ON "audit_log" USING btree ("pupil_id","id");