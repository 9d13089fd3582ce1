CREATE TABLE "telephony_accounts" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"account_sid" text NOT NULL,
	"sealed_secrets" text NOT NULL,
	"office_numbers" jsonb NOT NULL,
	"public_url" text NOT NULL,
	"handling" jsonb NOT NULL,
	"webhooks_configured_at" bigint,
	"caught_up_to" bigint,
	"last_catch_up_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telephony_calls" (
	"workspace_id" text NOT NULL,
	"call_sid" text NOT NULL,
	"parent_call_sid" text,
	"facts" jsonb NOT NULL,
	"written" jsonb NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "telephony_calls_workspace_id_call_sid_pk" PRIMARY KEY("workspace_id","call_sid")
);
--> statement-breakpoint
CREATE TABLE "telephony_messages" (
	"workspace_id" text NOT NULL,
	"text_id" text NOT NULL,
	"message_sid" text,
	"status" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "telephony_messages_workspace_id_text_id_pk" PRIMARY KEY("workspace_id","text_id")
);
--> statement-breakpoint
CREATE TABLE "telephony_opt_outs" (
	"workspace_id" text NOT NULL,
	"number" text NOT NULL,
	"opted_out" boolean NOT NULL,
	"changed_at" bigint NOT NULL,
	CONSTRAINT "telephony_opt_outs_workspace_id_number_pk" PRIMARY KEY("workspace_id","number")
);
--> statement-breakpoint
CREATE TABLE "telephony_recordings" (
	"workspace_id" text NOT NULL,
	"recording_sid" text NOT NULL,
	"call_sid" text NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"stored_at" bigint NOT NULL,
	"deleted_at_twilio_at" bigint,
	CONSTRAINT "telephony_recordings_workspace_id_recording_sid_pk" PRIMARY KEY("workspace_id","recording_sid")
);
--> statement-breakpoint
ALTER TABLE "telephony_accounts" ADD CONSTRAINT "telephony_accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telephony_calls_parent_idx" ON "telephony_calls" USING btree ("workspace_id","parent_call_sid");--> statement-breakpoint
CREATE UNIQUE INDEX "telephony_messages_sid_idx" ON "telephony_messages" USING btree ("workspace_id","message_sid");--> statement-breakpoint
CREATE INDEX "telephony_recordings_sha_idx" ON "telephony_recordings" USING btree ("workspace_id","sha256");