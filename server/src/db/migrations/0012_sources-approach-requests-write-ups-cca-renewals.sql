CREATE TABLE "source_approach_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"approaching_officer_id" uuid NOT NULL,
	"rationale" text NOT NULL,
	"risk" text NOT NULL,
	"bona_fides" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reasons" text
);
--> statement-breakpoint
CREATE TABLE "source_cca_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"cca_id" uuid NOT NULL,
	"renewed_by" uuid NOT NULL,
	"renewed_at" timestamp with time zone NOT NULL,
	"reasons" text NOT NULL,
	"previous_expiry" timestamp with time zone NOT NULL,
	"new_expiry" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD COLUMN "write_up" text;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD COLUMN "written_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD COLUMN "written_up_by" uuid;--> statement-breakpoint
ALTER TABLE "source_approach_requests" ADD CONSTRAINT "source_approach_requests_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approach_requests" ADD CONSTRAINT "source_approach_requests_approaching_officer_id_users_id_fk" FOREIGN KEY ("approaching_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approach_requests" ADD CONSTRAINT "source_approach_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approach_requests" ADD CONSTRAINT "source_approach_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_renewals" ADD CONSTRAINT "source_cca_renewals_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_renewals" ADD CONSTRAINT "source_cca_renewals_cca_id_source_ccas_id_fk" FOREIGN KEY ("cca_id") REFERENCES "public"."source_ccas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_renewals" ADD CONSTRAINT "source_cca_renewals_renewed_by_users_id_fk" FOREIGN KEY ("renewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_approach_requests_source_idx" ON "source_approach_requests" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_cca_renewals_cca_idx" ON "source_cca_renewals" USING btree ("cca_id");--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_written_up_by_users_id_fk" FOREIGN KEY ("written_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;