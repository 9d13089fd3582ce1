ALTER TABLE "changes" ADD COLUMN "workspace_seq" bigint;--> statement-breakpoint
-- Rows stored before per-workspace sequences keep their global seq as their number: every
-- device's cursor (a global seq of its own workspace) stays exact, and new rows continue
-- above the workspace's highest number.
UPDATE "changes" SET "workspace_seq" = "seq" WHERE "workspace_seq" IS NULL;--> statement-breakpoint
DROP INDEX "changes_workspace_seq_idx";--> statement-breakpoint
ALTER TABLE "changes" ALTER COLUMN "workspace_seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "changes_workspace_workspace_seq_idx" ON "changes" USING btree ("workspace_id","workspace_seq");
