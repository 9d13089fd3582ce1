CREATE TABLE "device_public_keys" (
	"device_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"public_key" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_envelopes" (
	"workspace_id" text NOT NULL,
	"epoch" bigint NOT NULL,
	"recipient" text NOT NULL,
	"envelope" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "key_envelopes_workspace_id_epoch_recipient_pk" PRIMARY KEY("workspace_id","epoch","recipient")
);
--> statement-breakpoint
CREATE TABLE "workspace_key_epochs" (
	"workspace_id" text NOT NULL,
	"epoch" bigint NOT NULL,
	"box_public" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "workspace_key_epochs_workspace_id_epoch_pk" PRIMARY KEY("workspace_id","epoch")
);
--> statement-breakpoint
ALTER TABLE "device_public_keys" ADD CONSTRAINT "device_public_keys_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_public_keys" ADD CONSTRAINT "device_public_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_envelopes" ADD CONSTRAINT "key_envelopes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_key_epochs" ADD CONSTRAINT "workspace_key_epochs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_public_keys_workspace_idx" ON "device_public_keys" USING btree ("workspace_id");