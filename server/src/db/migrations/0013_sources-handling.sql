CREATE TABLE "source_conduct_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone,
	"location" text,
	"cover_story" text,
	"safety_arrangements" text,
	"fallback_contact" text,
	"officer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"other_attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"appropriate_adult" text,
	"summary" text,
	"outcome" text,
	"welfare_notes" text,
	"flag" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"outcome_by" uuid,
	"outcome_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"person" text NOT NULL,
	"relationship" text NOT NULL,
	"disclosed_on" date NOT NULL,
	"advice" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_handler_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"subject_id" uuid,
	"details" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid
);
--> statement-breakpoint
CREATE TABLE "source_intelligence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"contact_id" uuid,
	"reported_at" timestamp with time zone NOT NULL,
	"report" text NOT NULL,
	"source_evaluation" text NOT NULL,
	"intelligence_grade" text NOT NULL,
	"handling" text NOT NULL,
	"handling_conditions" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_product_provenance" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"released_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"classification" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL,
	"handling" text NOT NULL,
	"handling_conditions" text,
	"grading" text NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	CONSTRAINT "source_products_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "source_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"description" text NOT NULL,
	"needs_controller" boolean NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reasons" text,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"receipt_reference" text
);
--> statement-breakpoint
CREATE TABLE "source_risk_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"security" text NOT NULL,
	"welfare" text NOT NULL,
	"physical_welfare" text,
	"psychological_welfare" text,
	"conduct_covered" text[] DEFAULT '{}'::text[] NOT NULL,
	"review_by" timestamp with time zone NOT NULL,
	"corrects_id" uuid,
	"correction_reason" text,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"explained_to_source" boolean,
	"understood_by_source" boolean,
	"confirmation_notes" text
);
--> statement-breakpoint
CREATE TABLE "source_taskings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"authorisation_id" uuid NOT NULL,
	"conduct" text NOT NULL,
	"description" text NOT NULL,
	"due_by" date,
	"given_by" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "source_conduct_schedules" ADD CONSTRAINT "source_conduct_schedules_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_conduct_schedules" ADD CONSTRAINT "source_conduct_schedules_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_conduct_schedules" ADD CONSTRAINT "source_conduct_schedules_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_contacts" ADD CONSTRAINT "source_contacts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_contacts" ADD CONSTRAINT "source_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_contacts" ADD CONSTRAINT "source_contacts_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_disclosures" ADD CONSTRAINT "source_disclosures_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_disclosures" ADD CONSTRAINT "source_disclosures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_handler_tasks" ADD CONSTRAINT "source_handler_tasks_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_handler_tasks" ADD CONSTRAINT "source_handler_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_intelligence" ADD CONSTRAINT "source_intelligence_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_intelligence" ADD CONSTRAINT "source_intelligence_contact_id_source_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."source_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_intelligence" ADD CONSTRAINT "source_intelligence_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_product_provenance" ADD CONSTRAINT "source_product_provenance_product_id_source_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."source_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_product_provenance" ADD CONSTRAINT "source_product_provenance_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_product_provenance" ADD CONSTRAINT "source_product_provenance_report_id_source_intelligence_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."source_intelligence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_product_provenance" ADD CONSTRAINT "source_product_provenance_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_rewards" ADD CONSTRAINT "source_rewards_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_rewards" ADD CONSTRAINT "source_rewards_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_rewards" ADD CONSTRAINT "source_rewards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_rewards" ADD CONSTRAINT "source_rewards_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_risk_assessments" ADD CONSTRAINT "source_risk_assessments_id_source_assessments_id_fk" FOREIGN KEY ("id") REFERENCES "public"."source_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_risk_assessments" ADD CONSTRAINT "source_risk_assessments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_risk_assessments" ADD CONSTRAINT "source_risk_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_risk_assessments" ADD CONSTRAINT "source_risk_assessments_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_taskings" ADD CONSTRAINT "source_taskings_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_taskings" ADD CONSTRAINT "source_taskings_authorisation_id_source_authorisations_id_fk" FOREIGN KEY ("authorisation_id") REFERENCES "public"."source_authorisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_taskings" ADD CONSTRAINT "source_taskings_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_conduct_schedules_source_idx" ON "source_conduct_schedules" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_contacts_source_idx" ON "source_contacts" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_contacts_planned_idx" ON "source_contacts" USING btree ("planned_at");--> statement-breakpoint
CREATE INDEX "source_disclosures_source_idx" ON "source_disclosures" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_handler_tasks_source_idx" ON "source_handler_tasks" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_intelligence_source_idx" ON "source_intelligence" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_product_provenance_source_idx" ON "source_product_provenance" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_rewards_source_idx" ON "source_rewards" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_risk_assessments_source_idx" ON "source_risk_assessments" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "source_taskings_source_idx" ON "source_taskings" USING btree ("source_id");