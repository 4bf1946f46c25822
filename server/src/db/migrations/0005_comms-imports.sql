CREATE TABLE "comms_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"profile_id" text NOT NULL,
	"files" jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"progress" jsonb,
	"result" jsonb,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "comms_imports" ADD CONSTRAINT "comms_imports_dataset_id_comms_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."comms_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_imports" ADD CONSTRAINT "comms_imports_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comms_imports_dataset_idx" ON "comms_imports" USING btree ("dataset_id","started_at");