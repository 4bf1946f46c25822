ALTER TABLE "comms_datasets" DROP CONSTRAINT "comms_datasets_name_unique";--> statement-breakpoint
CREATE INDEX "comms_datasets_name_idx" ON "comms_datasets" USING btree ("name");