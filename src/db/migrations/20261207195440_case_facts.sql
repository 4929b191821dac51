CREATE TABLE "case_facts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"item_name" text NOT NULL,
	"status" text NOT NULL,
	"accepted_on" date,
	"completed_at" timestamp with time zone,
	"deadline" date,
	"finished_on_spot" boolean DEFAULT false NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"handlers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"task_handlers" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_facts" ADD CONSTRAINT "case_facts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_facts_org_status_idx" ON "case_facts" USING btree ("org_id","status");--> statement-breakpoint
-- Hand-written (ADR 0017e): every existing case's fact row, from the case, its events and its review
-- tasks, as the case runner keeps them (src/app/cases/commands/runner/caseFacts.ts; the same statement
-- for a bulk batch: src/app/supervision/caseFactsFill.ts). One pass over the handling and visit events.
SET LOCAL jit = off;--> statement-breakpoint
INSERT INTO "case_facts" ("case_id", "org_id", "item_name", "status", "accepted_on", "completed_at", "deadline",
  "finished_on_spot", "visits", "handlers", "task_handlers")
SELECT c."id", c."org_id", c."item_name", c."status", c."accepted_on", c."completed_at", c."deadline",
  c."finished_on_spot", coalesce(e."visits", 0), coalesce(e."handlers", '[]'::jsonb), coalesce(t."handlers", '[]'::jsonb)
FROM "cases" c
LEFT JOIN (
  SELECT "case_id",
    (count(*) FILTER (WHERE "type" IN ('case.submitted', 'case.resubmitted', 'material.deferred_delivered')
      AND "actor_role" = 'clerk'))::int AS "visits",
    jsonb_agg(DISTINCT jsonb_build_object('u', "actor_id", 'r', "actor_role")) FILTER (
      WHERE "type" IN ('case.accepted', 'case.correction_requested', 'case.refused', 'case.referred',
        'case.decided', 'case.issued', 'case.completed')
      AND "actor_id" IS NOT NULL AND "actor_role" IN ('clerk', 'reviewer', 'approver')) AS "handlers"
  FROM "case_events"
  WHERE "type" IN ('case.submitted', 'case.resubmitted', 'material.deferred_delivered', 'case.accepted',
    'case.correction_requested', 'case.refused', 'case.referred', 'case.decided', 'case.issued', 'case.completed')
  GROUP BY "case_id"
) e ON e."case_id" = c."id"
LEFT JOIN (
  SELECT "case_id",
    jsonb_agg(DISTINCT jsonb_build_object('u', coalesce("completed_by", "claimed_by"), 'o', "org_id")) AS "handlers"
  FROM "review_tasks"
  WHERE coalesce("completed_by", "claimed_by") IS NOT NULL
  GROUP BY "case_id"
) t ON t."case_id" = c."id";--> statement-breakpoint
-- The span's cases by office and the later of acceptance and completion (completion is never before
-- acceptance, so "accepted or completed since D" is "this date since D"), covering every column read,
-- so a year of one office is one index-only range (src/app/supervision/caseFacts.ts). Built after the
-- backfill.
CREATE INDEX "case_facts_org_span_idx" ON "case_facts" USING btree (
  "org_id", (coalesce(("completed_at" at time zone 'Asia/Shanghai')::date, "accepted_on"))
) INCLUDE ("case_id", "item_name", "status", "accepted_on", "completed_at", "deadline", "finished_on_spot",
  "visits", "handlers", "task_handlers");--> statement-breakpoint
ANALYZE "case_facts";
