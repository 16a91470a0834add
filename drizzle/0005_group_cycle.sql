CREATE TABLE "group_checklists" (
	"target_kind" text NOT NULL,
	"target_id" integer NOT NULL,
	"template" text NOT NULL,
	"answers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_checklists_target_kind_target_id_template_pk" PRIMARY KEY("target_kind","target_id","template")
);
--> statement-breakpoint
CREATE TABLE "group_overview_lines" (
	"overview_id" integer NOT NULL,
	"pupil_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"cluster" text,
	"fields" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_overview_lines_overview_id_pupil_id_pk" PRIMARY KEY("overview_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "group_overviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"form" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"attention_points" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_plan_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"row_key" text,
	"pupil_id" integer,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_plan_revisions" (
	"plan_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_plan_revisions_plan_id_revision_pk" PRIMARY KEY("plan_id","revision")
);
--> statement-breakpoint
CREATE TABLE "group_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"overview_id" integer NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"doc" jsonb NOT NULL,
	"reflection" jsonb NOT NULL,
	"evaluated_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_checklists" ADD CONSTRAINT "group_checklists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overview_lines" ADD CONSTRAINT "group_overview_lines_overview_id_group_overviews_id_fk" FOREIGN KEY ("overview_id") REFERENCES "public"."group_overviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overview_lines" ADD CONSTRAINT "group_overview_lines_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overview_lines" ADD CONSTRAINT "group_overview_lines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overviews" ADD CONSTRAINT "group_overviews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overviews" ADD CONSTRAINT "group_overviews_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overviews" ADD CONSTRAINT "group_overviews_period_id_care_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."care_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_overviews" ADD CONSTRAINT "group_overviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_notes" ADD CONSTRAINT "group_plan_notes_plan_id_group_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_notes" ADD CONSTRAINT "group_plan_notes_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_notes" ADD CONSTRAINT "group_plan_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_revisions" ADD CONSTRAINT "group_plan_revisions_plan_id_group_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."group_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plan_revisions" ADD CONSTRAINT "group_plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_period_id_care_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."care_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_overview_id_group_overviews_id_fk" FOREIGN KEY ("overview_id") REFERENCES "public"."group_overviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_plans" ADD CONSTRAINT "group_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_overview_lines_pupil_idx" ON "group_overview_lines" USING btree ("pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_overviews_uq" ON "group_overviews" USING btree ("group_id","period_id","form","subject");--> statement-breakpoint
CREATE INDEX "group_plan_notes_plan_idx" ON "group_plan_notes" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_plans_overview_uq" ON "group_plans" USING btree ("overview_id");