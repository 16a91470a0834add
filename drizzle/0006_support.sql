CREATE TABLE "support_levels" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"pupil_id" integer NOT NULL,
	"level" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reason" text DEFAULT '' NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_by_name" text DEFAULT '' NOT NULL,
	"meeting" text DEFAULT '' NOT NULL,
	"consent_on" date,
	"consent_note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_levels_dates_ck" CHECK ("support_levels"."ends_on" is null or "support_levels"."ends_on" >= "support_levels"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "support_plan_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"purpose" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"school_view" text DEFAULT '' NOT NULL,
	"parent_view" text DEFAULT '' NOT NULL,
	"disagreement" boolean DEFAULT false NOT NULL,
	"consequences_explained" boolean DEFAULT false NOT NULL,
	"earlier_meeting_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"author_id" integer,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_pupils" (
	"plan_id" integer NOT NULL,
	"pupil_id" integer NOT NULL,
	CONSTRAINT "support_plan_pupils_plan_id_pupil_id_pk" PRIMARY KEY("plan_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "support_plan_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"pupil_id" integer NOT NULL,
	"guardian_id" integer NOT NULL,
	"guardian_name" text NOT NULL,
	"kind" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"content_hash" text NOT NULL,
	"signed_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scan_id" integer
);
--> statement-breakpoint
CREATE TABLE "support_plan_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"doc" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"published_by" integer,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"doc" jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"extensions" smallint DEFAULT 0 NOT NULL,
	"decided_on" date,
	"group_plan_id" integer,
	"group_plan_row" text,
	"previous_plan_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_levels" ADD CONSTRAINT "support_levels_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_levels" ADD CONSTRAINT "support_levels_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_levels" ADD CONSTRAINT "support_levels_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_levels" ADD CONSTRAINT "support_levels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_meetings" ADD CONSTRAINT "support_plan_meetings_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_meetings" ADD CONSTRAINT "support_plan_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_meetings" ADD CONSTRAINT "support_plan_meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_notes" ADD CONSTRAINT "support_plan_notes_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_notes" ADD CONSTRAINT "support_plan_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_pupils" ADD CONSTRAINT "support_plan_pupils_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_pupils" ADD CONSTRAINT "support_plan_pupils_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_version_id_support_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."support_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_guardian_id_users_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_responses" ADD CONSTRAINT "support_plan_responses_scan_id_support_plan_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."support_plan_scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_scans" ADD CONSTRAINT "support_plan_scans_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_scans" ADD CONSTRAINT "support_plan_scans_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_versions" ADD CONSTRAINT "support_plan_versions_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_versions" ADD CONSTRAINT "support_plan_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_group_plan_id_group_plans_id_fk" FOREIGN KEY ("group_plan_id") REFERENCES "public"."group_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_levels_pupil_idx" ON "support_levels" USING btree ("pupil_id","starts_on");--> statement-breakpoint
CREATE INDEX "support_levels_school_current_idx" ON "support_levels" USING btree ("school_id") WHERE "support_levels"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "support_plan_meetings_plan_idx" ON "support_plan_meetings" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "support_plan_notes_plan_idx" ON "support_plan_notes" USING btree ("plan_id","noted_on");--> statement-breakpoint
CREATE INDEX "support_plan_pupils_pupil_idx" ON "support_plan_pupils" USING btree ("pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_responses_sign_uq" ON "support_plan_responses" USING btree ("version_id","pupil_id","guardian_id") WHERE "support_plan_responses"."kind" <> 'comment';--> statement-breakpoint
CREATE INDEX "support_plan_responses_plan_idx" ON "support_plan_responses" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plan_versions_uq" ON "support_plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "support_plans_school_idx" ON "support_plans" USING btree ("school_id","status");--> statement-breakpoint
-- What a parent saw and signed never changes: published versions and parents' responses are append-only.
CREATE OR REPLACE FUNCTION koers_support_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER support_plan_versions_no_change BEFORE UPDATE OR DELETE ON support_plan_versions
  FOR EACH ROW EXECUTE FUNCTION koers_support_append_only();
--> statement-breakpoint
CREATE TRIGGER support_plan_responses_no_change BEFORE UPDATE OR DELETE ON support_plan_responses
  FOR EACH ROW EXECUTE FUNCTION koers_support_append_only();
