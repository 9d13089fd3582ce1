ALTER TABLE "devices" ADD COLUMN "number" bigint;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "devices_numbered" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_workspace_number_idx" ON "devices" USING btree ("workspace_id","number");