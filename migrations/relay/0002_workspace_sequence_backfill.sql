-- Rows stored before per-workspace sequences keep their global seq as their number: every
-- device's cursor (a global seq of its own workspace) stays exact, and new rows continue
-- above the workspace's highest number.
UPDATE "changes" SET "workspace_seq" = "seq" WHERE "workspace_seq" IS NULL;
