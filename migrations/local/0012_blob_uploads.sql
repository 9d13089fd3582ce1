CREATE TABLE `blob_uploads` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size_bytes` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`queued_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `blob_uploads_waiting` ON `blob_uploads` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `outbox_holds` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `outbox_holds_sha` ON `outbox_holds` (`sha256`);