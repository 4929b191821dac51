DROP INDEX "shared_records_dataset_subject_uq";--> statement-breakpoint
ALTER TABLE "shared_records" ADD COLUMN "subject_code_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "shared_records_dataset_subject_hash_uq" ON "shared_records" USING btree ("dataset_code","subject_code_hash");