CREATE TABLE `call_analysis` (
	`call_id` text PRIMARY KEY NOT NULL,
	`search_rowid` integer NOT NULL,
	`sentiment` real NOT NULL,
	`keywords` text NOT NULL,
	`transcript_sha256` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `call_analysis_sentiment` ON `call_analysis` (`sentiment`);--> statement-breakpoint
CREATE UNIQUE INDEX `call_analysis_search_rowid` ON `call_analysis` (`search_rowid`);--> statement-breakpoint
CREATE TABLE `phone_opt_outs` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`opted_out` integer DEFAULT 0 NOT NULL,
	`keyword` text DEFAULT '' NOT NULL,
	`changed_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `phone_opt_outs_number` ON `phone_opt_outs` (`number`);--> statement-breakpoint
CREATE TABLE `texts` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text,
	`direction` text DEFAULT 'inbound' NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`office_number` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`provider_id` text,
	`sent_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `texts_number` ON `texts` (`number`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `texts_contact` ON `texts` (`contact_id`,`created_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `texts_outbox` ON `texts` (`status`) WHERE cl % 2 = 1 AND status = 'queued';--> statement-breakpoint
ALTER TABLE `calls` ADD `office_number` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `recording_seconds` integer DEFAULT 0 NOT NULL;