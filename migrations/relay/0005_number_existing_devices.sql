-- Devices that joined before devices were numbered get numbers in the order they joined, and
-- each workspace remembers the last one, so the next device to join continues after them.
UPDATE "devices" SET "number" = "numbered"."number"
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "workspace_id" ORDER BY "created_at", "id") AS "number"
  FROM "devices"
) AS "numbered"
WHERE "devices"."id" = "numbered"."id" AND "devices"."number" IS NULL;--> statement-breakpoint
UPDATE "workspaces" SET "devices_numbered" = COALESCE((SELECT max("number") FROM "devices" WHERE "devices"."workspace_id" = "workspaces"."id"), 0);
