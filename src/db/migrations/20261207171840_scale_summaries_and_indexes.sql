CREATE TABLE "evaluation_month_counts" (
	"month" text NOT NULL,
	"org_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"level" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "evaluation_month_counts_month_org_id_item_code_item_name_level_pk" PRIMARY KEY("month","org_id","item_code","item_name","level")
);
--> statement-breakpoint
ALTER TABLE "evaluation_month_counts" ADD CONSTRAINT "evaluation_month_counts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_received_on_idx" ON "cases" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "cases_created_local_day_idx" ON "cases" USING btree ((("created_at" at time zone 'Asia/Shanghai')::date));--> statement-breakpoint
CREATE INDEX "evaluations_public_comments_idx" ON "evaluations" USING btree ("submitted_at") WHERE "evaluations"."comment_public";--> statement-breakpoint
INSERT INTO "evaluation_month_counts" ("month", "org_id", "item_code", "item_name", "level", "n")
SELECT "month", "org_id", "item_code", "item_name", "level", count(*)::int FROM "evaluations"
WHERE "appeal_status" <> 'upheld' GROUP BY 1, 2, 3, 4, 5;
