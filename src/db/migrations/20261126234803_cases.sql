CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid,
	"issued_on" date NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_role" text,
	"at" timestamp with time zone NOT NULL,
	"ip" text,
	"from_status" text,
	"to_status" text,
	"before" jsonb,
	"after" jsonb,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"material_code" text NOT NULL,
	"name" text NOT NULL,
	"required" boolean NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"source" text DEFAULT 'upload' NOT NULL,
	"source_ref" text,
	"source_label" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deferred_due_on" date,
	"commitment_signed" boolean DEFAULT false NOT NULL,
	"passed_round" integer,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"query_code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_version_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"applicant" jsonb NOT NULL,
	"agent" jsonb,
	"channel" text NOT NULL,
	"created_by" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"status_entered_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"handling_type" text NOT NULL,
	"limit_days" integer NOT NULL,
	"statutory_limit_days" integer NOT NULL,
	"received_on" date,
	"check_due_on" date,
	"accepted_on" date,
	"deadline" date,
	"deadline_provisional" boolean DEFAULT false NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"resume_to" text,
	"correction_rounds" integer DEFAULT 0 NOT NULL,
	"decision" jsonb,
	"returns_count" integer DEFAULT 0 NOT NULL,
	"finished_on_spot" boolean DEFAULT false NOT NULL,
	"bundle_id" uuid,
	"project_id" uuid,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"draft_expires_at" timestamp with time zone,
	"draft_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step_code" text NOT NULL,
	"step_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"mode" text NOT NULL,
	"after" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"limit_days" integer NOT NULL,
	"status" text NOT NULL,
	"opened_on" date,
	"due_on" date,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"opinion" text,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"returns" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"severity" text NOT NULL,
	"org_id" uuid,
	"case_id" uuid,
	"task_id" uuid,
	"message_zh" text NOT NULL,
	"message_en" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_materials" ADD CONSTRAINT "case_materials_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_materials" ADD CONSTRAINT "case_materials_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_item_version_id_item_versions_id_fk" FOREIGN KEY ("item_version_id") REFERENCES "public"."item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_task_id_review_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."review_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD CONSTRAINT "supervision_alerts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_documents_number_uq" ON "case_documents" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_seq_uq" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_events_type_at_idx" ON "case_events" USING btree ("type","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_materials_case_code_uq" ON "case_materials" USING btree ("case_id","material_code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_uq" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cases_org_status_idx" ON "cases" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "cases_applicant_idx" ON "cases" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_deadline_idx" ON "cases" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "cases_bundle_idx" ON "cases" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "files_case_idx" ON "files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "review_tasks_org_status_idx" ON "review_tasks" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "review_tasks_case_idx" ON "review_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_alerts_open_uq" ON "supervision_alerts" USING btree ("dedupe_key") WHERE "supervision_alerts"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX "supervision_alerts_org_idx" ON "supervision_alerts" USING btree ("org_id","raised_at");