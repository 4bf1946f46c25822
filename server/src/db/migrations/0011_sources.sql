CREATE SEQUENCE "public"."source_urn_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "source_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"for_user_id" uuid,
	"message" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_approaches" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approaching_officer_id" uuid NOT NULL,
	"rationale" text NOT NULL,
	"risk" text NOT NULL,
	"bona_fides" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"vulnerable" boolean NOT NULL,
	"explained_to_source" boolean NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authority" text NOT NULL,
	"reference" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_break_glass" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reasons" text,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_identities" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"identity_enc" "bytea" NOT NULL,
	"birth_date_enc" "bytea" NOT NULL,
	"appropriate_adult_recorded" boolean DEFAULT false NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_recruitments" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"recruited_on" date NOT NULL,
	"circumstances" text NOT NULL,
	"motivation" text NOT NULL,
	"volunteers" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"read_in" boolean DEFAULT false NOT NULL,
	"handed_over_from_id" uuid,
	"end_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"classification" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL,
	"compartment_id" uuid NOT NULL,
	"urn" text NOT NULL,
	"pseudonym" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"status_reason" text,
	"vulnerable" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"next_review_due" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sources_urn_unique" UNIQUE("urn")
);
--> statement-breakpoint
CREATE TABLE "source_authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text NOT NULL,
	"ground" text NOT NULL,
	"necessity" text NOT NULL,
	"proportionality" text NOT NULL,
	"purpose" text NOT NULL,
	"operation" text NOT NULL,
	"conduct" text NOT NULL,
	"collateral_intrusion" text NOT NULL,
	"collateral_justification" text NOT NULL,
	"expected_material" text NOT NULL,
	"material_details" text,
	"urgency" text NOT NULL,
	"urgency_reason" text,
	"against_parent" boolean NOT NULL,
	"applied_by" uuid NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"authorising_officer_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reasons" text,
	"granted_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"juvenile_at_grant" boolean DEFAULT false NOT NULL,
	"vulnerable_at_grant" boolean DEFAULT false NOT NULL,
	"review_every_days" integer,
	"next_review_due" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancellation_reason" text
);
--> statement-breakpoint
CREATE TABLE "source_cca_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"cca_id" uuid NOT NULL,
	"event" text NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"reference" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "source_ccas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"conduct" text NOT NULL,
	"grounds" text NOT NULL,
	"necessity" text NOT NULL,
	"proportionality" text NOT NULL,
	"exceptional_circumstances" text,
	"best_interests" text,
	"no_foreseeable_harm" boolean NOT NULL,
	"applied_by" uuid NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reasons" text,
	"granted_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancellation_reason" text
);
--> statement-breakpoint
CREATE TABLE "source_judicial_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"justification" text NOT NULL,
	"applied_by" uuid NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reasons" text,
	"previous_expiry" timestamp with time zone,
	"new_expiry" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"use_made" text NOT NULL,
	"tasks" text NOT NULL,
	"information" text NOT NULL,
	"welfare" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"considered_by" uuid,
	"considered_at" timestamp with time zone,
	"reasons" text
);
--> statement-breakpoint
ALTER TABLE "source_alerts" ADD CONSTRAINT "source_alerts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_alerts" ADD CONSTRAINT "source_alerts_for_user_id_users_id_fk" FOREIGN KEY ("for_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approaches" ADD CONSTRAINT "source_approaches_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approaches" ADD CONSTRAINT "source_approaches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_approaches" ADD CONSTRAINT "source_approaches_approaching_officer_id_users_id_fk" FOREIGN KEY ("approaching_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_assessments" ADD CONSTRAINT "source_assessments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_assessments" ADD CONSTRAINT "source_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorities" ADD CONSTRAINT "source_authorities_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorities" ADD CONSTRAINT "source_authorities_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_break_glass" ADD CONSTRAINT "source_break_glass_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_break_glass" ADD CONSTRAINT "source_break_glass_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_break_glass" ADD CONSTRAINT "source_break_glass_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_identities" ADD CONSTRAINT "source_identities_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_identities" ADD CONSTRAINT "source_identities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_recruitments" ADD CONSTRAINT "source_recruitments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_recruitments" ADD CONSTRAINT "source_recruitments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_roles" ADD CONSTRAINT "source_roles_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_roles" ADD CONSTRAINT "source_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_roles" ADD CONSTRAINT "source_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_compartment_id_compartments_id_fk" FOREIGN KEY ("compartment_id") REFERENCES "public"."compartments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_authorising_officer_id_users_id_fk" FOREIGN KEY ("authorising_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_authorisations" ADD CONSTRAINT "source_authorisations_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_notices" ADD CONSTRAINT "source_cca_notices_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_notices" ADD CONSTRAINT "source_cca_notices_cca_id_source_ccas_id_fk" FOREIGN KEY ("cca_id") REFERENCES "public"."source_ccas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_cca_notices" ADD CONSTRAINT "source_cca_notices_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_ccas" ADD CONSTRAINT "source_ccas_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_ccas" ADD CONSTRAINT "source_ccas_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_ccas" ADD CONSTRAINT "source_ccas_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_ccas" ADD CONSTRAINT "source_ccas_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_ccas" ADD CONSTRAINT "source_ccas_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_judicial_approvals" ADD CONSTRAINT "source_judicial_approvals_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_judicial_approvals" ADD CONSTRAINT "source_judicial_approvals_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_judicial_approvals" ADD CONSTRAINT "source_judicial_approvals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_renewals" ADD CONSTRAINT "source_renewals_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_renewals" ADD CONSTRAINT "source_renewals_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_renewals" ADD CONSTRAINT "source_renewals_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_renewals" ADD CONSTRAINT "source_renewals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_reviews" ADD CONSTRAINT "source_reviews_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_reviews" ADD CONSTRAINT "source_reviews_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_reviews" ADD CONSTRAINT "source_reviews_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_reviews" ADD CONSTRAINT "source_reviews_considered_by_users_id_fk" FOREIGN KEY ("considered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_alerts_source_idx" ON "source_alerts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_assessments_source_idx" ON "source_assessments" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_authorities_source_idx" ON "source_authorities" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_break_glass_source_idx" ON "source_break_glass" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_roles_source_idx" ON "source_roles" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_roles_user_idx" ON "source_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sources_compartment_idx" ON "sources" USING btree ("compartment_id");--> statement-breakpoint
CREATE INDEX "sources_pseudonym_idx" ON "sources" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "source_authorisations_source_idx" ON "source_authorisations" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_cca_notices_cca_idx" ON "source_cca_notices" USING btree ("cca_id");--> statement-breakpoint
CREATE INDEX "source_ccas_source_idx" ON "source_ccas" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_judicial_approvals_authorisation_idx" ON "source_judicial_approvals" USING btree ("authorisation_id");--> statement-breakpoint
CREATE INDEX "source_renewals_authorisation_idx" ON "source_renewals" USING btree ("authorisation_id");--> statement-breakpoint
CREATE INDEX "source_reviews_authorisation_idx" ON "source_reviews" USING btree ("authorisation_id");