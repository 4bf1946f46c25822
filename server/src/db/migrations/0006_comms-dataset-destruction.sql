ALTER TABLE "comms_datasets" ADD COLUMN "destroyed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comms_datasets" ADD COLUMN "destroyed_by" uuid;--> statement-breakpoint
ALTER TABLE "comms_datasets" ADD COLUMN "destruction_reason" text;--> statement-breakpoint
ALTER TABLE "comms_datasets" ADD CONSTRAINT "comms_datasets_destroyed_by_users_id_fk" FOREIGN KEY ("destroyed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;