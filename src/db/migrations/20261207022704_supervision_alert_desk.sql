ALTER TABLE "supervision_alerts" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD COLUMN "acknowledged_by" uuid;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD COLUMN "acknowledge_comment" text;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD COLUMN "close_comment" text;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD CONSTRAINT "supervision_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_alerts" ADD CONSTRAINT "supervision_alerts_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;