CREATE TABLE "land_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"confirmation_no" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"parcel" jsonb NOT NULL,
	"delivered_by" text NOT NULL,
	"delivered_to" text NOT NULL,
	"land_contract_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "land_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "land_deliveries" ADD CONSTRAINT "land_deliveries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_deliveries" ADD CONSTRAINT "land_deliveries_land_contract_id_land_contracts_id_fk" FOREIGN KEY ("land_contract_id") REFERENCES "public"."land_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_deliveries" ADD CONSTRAINT "land_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "land_deliveries_confirmation_uq" ON "land_deliveries" USING btree ("confirmation_no");--> statement-breakpoint
CREATE INDEX "land_deliveries_project_idx" ON "land_deliveries" USING btree ("project_id");