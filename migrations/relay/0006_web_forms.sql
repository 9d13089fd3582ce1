CREATE TABLE "web_forms" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"public_url" text NOT NULL,
	"region" text NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "web_forms_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "web_forms" ADD CONSTRAINT "web_forms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;