CREATE TABLE "blob_references" (
	"workspace_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"sha256" text NOT NULL,
	"cl" bigint NOT NULL,
	"changed_at" bigint NOT NULL,
	CONSTRAINT "blob_references_workspace_id_table_name_row_id_sha256_pk" PRIMARY KEY("workspace_id","table_name","row_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "blob_upload_parts" (
	"upload_id" text NOT NULL,
	"part_number" bigint NOT NULL,
	"size_bytes" bigint NOT NULL,
	"etag" text NOT NULL,
	CONSTRAINT "blob_upload_parts_upload_id_part_number_pk" PRIMARY KEY("upload_id","part_number")
);
--> statement-breakpoint
CREATE TABLE "blob_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"part_bytes" bigint NOT NULL,
	"store_upload_id" text NOT NULL,
	"started_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"workspace_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"state" text NOT NULL,
	"stored_at" bigint NOT NULL,
	CONSTRAINT "blobs_workspace_id_sha256_pk" PRIMARY KEY("workspace_id","sha256")
);
--> statement-breakpoint
CREATE INDEX "blob_references_blob_idx" ON "blob_references" USING btree ("workspace_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "blob_uploads_workspace_sha_idx" ON "blob_uploads" USING btree ("workspace_id","sha256");