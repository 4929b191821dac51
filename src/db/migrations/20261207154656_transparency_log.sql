CREATE TABLE "transparency_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"algorithm" text NOT NULL,
	"note" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_leaves" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"leaf_hash" text NOT NULL,
	"integrated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_nodes" (
	"level" smallint NOT NULL,
	"idx" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "transparency_nodes_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
CREATE TABLE "transparency_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_audit_entries" ADD COLUMN "salt" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "salt" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "event_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "event_head" text;--> statement-breakpoint
CREATE UNIQUE INDEX "transparency_leaves_source_uq" ON "transparency_leaves" USING btree ("source_id");--> statement-breakpoint
-- The head of each case's event chain starts at its last event (events written before the log have no
-- hash: their chain starts at the next event, docs/transparency.md).
UPDATE "cases" SET "event_seq" = coalesce((SELECT max("seq") FROM "case_events" e WHERE e."case_id" = "cases"."id"), 0);
--> statement-breakpoint
-- The log's own tables are append-only like the events (migration `append_only`); the queue is not.
CREATE TRIGGER "transparency_leaves_append_only" BEFORE UPDATE OR DELETE ON "transparency_leaves"
  FOR EACH ROW EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "transparency_leaves_no_truncate" BEFORE TRUNCATE ON "transparency_leaves"
  FOR EACH STATEMENT EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "transparency_nodes_append_only" BEFORE UPDATE OR DELETE ON "transparency_nodes"
  FOR EACH ROW EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "transparency_nodes_no_truncate" BEFORE TRUNCATE ON "transparency_nodes"
  FOR EACH STATEMENT EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "transparency_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "transparency_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "transparency_checkpoints_no_truncate" BEFORE TRUNCATE ON "transparency_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "yizhan_refuse_change"();
