DROP INDEX "cases_org_status_idx";--> statement-breakpoint
CREATE INDEX "cases_org_status_idx" ON "cases" USING btree ("org_id","status","id");