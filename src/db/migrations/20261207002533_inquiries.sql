CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"question" text NOT NULL,
	"asker_name" text,
	"asker_contact" text,
	"asker_user_id" uuid,
	"item_code" text,
	"item_name" text,
	"policy_reference" text,
	"query_code" text NOT NULL,
	"owner_id" uuid,
	"recorded_by" uuid,
	"asked_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"handovers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"working_minutes_to_answer" integer,
	"faq_question" text,
	"faq_answer" text,
	"faq_published_at" timestamp with time zone,
	"faq_published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_user_id_users_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_faq_published_by_users_id_fk" FOREIGN KEY ("faq_published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_query_code_uq" ON "inquiries" USING btree ("query_code");--> statement-breakpoint
CREATE INDEX "inquiries_org_path_idx" ON "inquiries" USING btree ("org_path","asked_at");--> statement-breakpoint
CREATE INDEX "inquiries_open_idx" ON "inquiries" USING btree ("status","asked_at") WHERE "inquiries"."status" <> 'answered';--> statement-breakpoint
CREATE INDEX "inquiries_faq_idx" ON "inquiries" USING btree ("item_code") WHERE "inquiries"."faq_published_at" IS NOT NULL;