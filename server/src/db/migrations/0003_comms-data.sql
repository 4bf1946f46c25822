CREATE TABLE "comms_datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"authorisation_ref" text NOT NULL,
	"authorised_from" timestamp with time zone NOT NULL,
	"authorised_to" timestamp with time zone NOT NULL,
	"authorised_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"classification" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL,
	"compartment_id" uuid NOT NULL,
	"status" text DEFAULT 'empty' NOT NULL,
	"records" bigint DEFAULT 0 NOT NULL,
	"numbers" bigint DEFAULT 0 NOT NULL,
	"pairs" bigint DEFAULT 0 NOT NULL,
	"rejected" bigint DEFAULT 0 NOT NULL,
	"data_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comms_datasets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "comms_watchlist" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"subject_ref" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comms_datasets" ADD CONSTRAINT "comms_datasets_compartment_id_compartments_id_fk" FOREIGN KEY ("compartment_id") REFERENCES "public"."compartments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_datasets" ADD CONSTRAINT "comms_datasets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comms_watchlist" ADD CONSTRAINT "comms_watchlist_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comms_datasets_compartment_idx" ON "comms_datasets" USING btree ("compartment_id");--> statement-breakpoint
CREATE INDEX "comms_watchlist_number_idx" ON "comms_watchlist" USING btree ("number");