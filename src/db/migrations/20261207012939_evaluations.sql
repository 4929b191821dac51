CREATE TABLE "evaluation_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"callback_working_days" integer DEFAULT 1 NOT NULL,
	"rectify_working_days" integer DEFAULT 15 NOT NULL,
	"acceptance_item_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_tablet_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invitation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"device_label" text NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"channel" text NOT NULL,
	"source" text NOT NULL,
	"device_label" text,
	"level" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"comment" text,
	"comment_public" boolean DEFAULT false NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"month" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"appeal_status" text DEFAULT 'none' NOT NULL,
	"appeal_reason" text,
	"appealed_by" uuid,
	"appealed_at" timestamp with time zone,
	"appeal_decision_reason" text,
	"appeal_decided_by" uuid,
	"appeal_decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"responsible_user_id" uuid,
	"callback_due_on" date NOT NULL,
	"rectify_due_on" date NOT NULL,
	"callback_at" timestamp with time zone,
	"callback_note" text,
	"callback_by" uuid,
	"outcome" text,
	"rectified_at" timestamp with time zone,
	"rectified_by" uuid,
	"follow_up_invitation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_settings" ADD CONSTRAINT "evaluation_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_tablet_sessions" ADD CONSTRAINT "evaluation_tablet_sessions_invitation_id_evaluation_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."evaluation_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_tablet_sessions" ADD CONSTRAINT "evaluation_tablet_sessions_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_invitation_id_evaluation_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."evaluation_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_appealed_by_users_id_fk" FOREIGN KEY ("appealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_appeal_decided_by_users_id_fk" FOREIGN KEY ("appeal_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_callback_by_users_id_fk" FOREIGN KEY ("callback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_rectified_by_users_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_follow_up_invitation_id_evaluation_invitations_id_fk" FOREIGN KEY ("follow_up_invitation_id") REFERENCES "public"."evaluation_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_invitations_case_stage_uq" ON "evaluation_invitations" USING btree ("case_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_invitations_token_uq" ON "evaluation_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_tablet_sessions_token_uq" ON "evaluation_tablet_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_case_stage_uq" ON "evaluations" USING btree ("case_id","stage");--> statement-breakpoint
CREATE INDEX "evaluations_org_month_idx" ON "evaluations" USING btree ("org_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "rectifications_evaluation_uq" ON "rectifications" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "rectifications_open_idx" ON "rectifications" USING btree ("status") WHERE "rectifications"."status" in ('callback_due', 'rectifying');