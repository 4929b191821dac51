CREATE TABLE "supervision_scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"root_org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"section_name" text,
	"figures" jsonb NOT NULL,
	"comment" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_scorecards" ADD CONSTRAINT "supervision_scorecards_root_org_id_organizations_id_fk" FOREIGN KEY ("root_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_scorecards" ADD CONSTRAINT "supervision_scorecards_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_scorecards_subject_uq" ON "supervision_scorecards" USING btree ("month","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "supervision_scorecards_root_month_idx" ON "supervision_scorecards" USING btree ("root_org_id","month");