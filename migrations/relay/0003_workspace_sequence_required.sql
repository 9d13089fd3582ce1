DROP INDEX "changes_workspace_seq_idx";--> statement-breakpoint
ALTER TABLE "changes" ALTER COLUMN "workspace_seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "changes_workspace_workspace_seq_idx" ON "changes" USING btree ("workspace_id","workspace_seq");