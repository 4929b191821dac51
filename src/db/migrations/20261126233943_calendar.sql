CREATE TABLE "calendar_arrangements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"days" jsonb NOT NULL,
	"title" text NOT NULL,
	"doc_no" text,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_arrangements" ADD CONSTRAINT "calendar_arrangements_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_arrangements_year_uq" ON "calendar_arrangements" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_overrides_org_date_uq" ON "calendar_overrides" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "calendar_overrides_date_idx" ON "calendar_overrides" USING btree ("date");