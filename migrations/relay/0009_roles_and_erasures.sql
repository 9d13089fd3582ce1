CREATE TABLE "erased_rows" (
	"workspace_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"erasure_id" text NOT NULL,
	"erased_at" bigint NOT NULL,
	CONSTRAINT "erased_rows_workspace_id_table_name_row_id_pk" PRIMARY KEY("workspace_id","table_name","row_id")
);
--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;