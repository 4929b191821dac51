CREATE TABLE "policy_change_acknowledgements" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_change_acknowledgements_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_change_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"policy_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"effective_on" date NOT NULL,
	"item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"section_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moved_to" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"issuer" text NOT NULL,
	"level" text NOT NULL,
	"issued_on" date,
	"effective_on" date,
	"repealed_on" date,
	"status" text NOT NULL,
	"amended_by_id" uuid,
	"repealed_by_id" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"full_text" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_item_links" (
	"policy_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"basis_title" text DEFAULT '' NOT NULL,
	CONSTRAINT "policy_item_links_policy_id_item_id_basis_title_pk" PRIMARY KEY("policy_id","item_id","basis_title")
);
--> statement-breakpoint
CREATE TABLE "policy_readings" (
	"policy_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_readings_policy_id_user_id_pk" PRIMARY KEY("policy_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "policy_change_acknowledgements" ADD CONSTRAINT "policy_change_acknowledgements_notice_id_policy_change_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."policy_change_notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_change_acknowledgements" ADD CONSTRAINT "policy_change_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_change_notices" ADD CONSTRAINT "policy_change_notices_policy_id_policy_documents_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_change_notices" ADD CONSTRAINT "policy_change_notices_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_change_notices" ADD CONSTRAINT "policy_change_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_amended_by_id_policy_documents_id_fk" FOREIGN KEY ("amended_by_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_repealed_by_id_policy_documents_id_fk" FOREIGN KEY ("repealed_by_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_item_links" ADD CONSTRAINT "policy_item_links_policy_id_policy_documents_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_item_links" ADD CONSTRAINT "policy_item_links_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_readings" ADD CONSTRAINT "policy_readings_policy_id_policy_documents_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policy_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_readings" ADD CONSTRAINT "policy_readings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_change_ack_user_idx" ON "policy_change_acknowledgements" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "policy_change_notices_org_idx" ON "policy_change_notices" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_documents_search_idx" ON "policy_documents" USING gin ("search");--> statement-breakpoint
CREATE INDEX "policy_documents_number_idx" ON "policy_documents" USING btree ("doc_number");--> statement-breakpoint
CREATE INDEX "policy_documents_status_idx" ON "policy_documents" USING btree ("status","level");--> statement-breakpoint
CREATE INDEX "policy_item_links_item_idx" ON "policy_item_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "policy_readings_user_idx" ON "policy_readings" USING btree ("user_id");